package dev.fastlykit.invitations.mock;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One customer's invitations in list order (oldest first, ties by id), as a treap that knows its
 * subtree sizes: adding and removing cost O(log n), and a page at any offset costs O(log n + page
 * size), so page 25,000 of a million invitations is as cheap as page 1. Not thread-safe: the store
 * guards it.
 */
final class InvitationIndex {
  private final SplittableRandom random = new SplittableRandom(0x5eed);
  private StoredInvitation root;

  int size() {
    return size(root);
  }

  void add(StoredInvitation invitation) {
    invitation.left = null;
    invitation.right = null;
    invitation.size = 1;
    invitation.priority = random.nextInt();
    root = insert(root, invitation);
  }

  void remove(StoredInvitation invitation) {
    root = delete(root, invitation);
    invitation.left = null;
    invitation.right = null;
  }

  /** Up to {@code limit} invitations from position {@code offset} (0-based), in order. */
  List<StoredInvitation> slice(long offset, int limit) {
    List<StoredInvitation> out = new ArrayList<>(Math.max(0, Math.min(limit, size())));
    if (offset >= size() || limit <= 0) {
      return out;
    }
    // Walk down to the offset-th node, keeping the ancestors still to visit in order.
    ArrayDeque<StoredInvitation> stack = new ArrayDeque<>();
    StoredInvitation node = root;
    long skip = offset;
    while (node != null) {
      int leftSize = size(node.left);
      if (skip < leftSize) {
        stack.push(node);
        node = node.left;
      } else if (skip == leftSize) {
        stack.push(node);
        break;
      } else {
        skip -= leftSize + 1;
        node = node.right;
      }
    }
    while (!stack.isEmpty() && out.size() < limit) {
      StoredInvitation next = stack.pop();
      out.add(next);
      for (StoredInvitation n = next.right; n != null; n = n.left) {
        stack.push(n);
      }
    }
    return out;
  }

  /** Every invitation in order. */
  List<StoredInvitation> all() {
    return slice(0, size());
  }

  private static int size(StoredInvitation node) {
    return node == null ? 0 : node.size;
  }

  private static void update(StoredInvitation node) {
    node.size = 1 + size(node.left) + size(node.right);
  }

  private static StoredInvitation insert(StoredInvitation node, StoredInvitation added) {
    if (node == null) {
      return added;
    }
    if (added.compareTo(node) < 0) {
      node.left = insert(node.left, added);
      if (node.left.priority > node.priority) {
        node = rotateRight(node);
      }
    } else {
      node.right = insert(node.right, added);
      if (node.right.priority > node.priority) {
        node = rotateLeft(node);
      }
    }
    update(node);
    return node;
  }

  private static StoredInvitation delete(StoredInvitation node, StoredInvitation removed) {
    if (node == null) {
      return null;
    }
    if (node == removed) {
      return merge(node.left, node.right);
    }
    if (removed.compareTo(node) < 0) {
      node.left = delete(node.left, removed);
    } else {
      node.right = delete(node.right, removed);
    }
    update(node);
    return node;
  }

  private static StoredInvitation merge(StoredInvitation a, StoredInvitation b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    if (a.priority > b.priority) {
      a.right = merge(a.right, b);
      update(a);
      return a;
    }
    b.left = merge(a, b.left);
    update(b);
    return b;
  }

  private static StoredInvitation rotateRight(StoredInvitation node) {
    StoredInvitation left = node.left;
    node.left = left.right;
    left.right = node;
    update(node);
    update(left);
    return left;
  }

  private static StoredInvitation rotateLeft(StoredInvitation node) {
    StoredInvitation right = node.right;
    node.right = right.left;
    right.left = node;
    update(node);
    update(right);
    return right;
  }
}
