package dev.fastlykit.invitations.mock.internal.store;

import java.util.ArrayList;
import java.util.List;

/**
 * One customer's invitations in list order (oldest first, ties by id), as a B+ tree whose inner
 * nodes know their subtree sizes: adding and removing cost O(log n), and a page at any offset costs
 * O(log n + page size), so page 25,000 of a million invitations is as cheap as page 1. Wide nodes
 * keep the tree three or four levels deep and a page's invitations side by side in memory. Not
 * thread-safe: the store guards it.
 */
final class InvitationIndex {
  private static final int WIDTH = 64;

  private abstract static class Node {
    int count; // invitations below this node
  }

  private static final class Leaf extends Node {
    final StoredInvitation[] items = new StoredInvitation[WIDTH];
    Leaf prev;
    Leaf next;
  }

  private static final class Inner extends Node {
    final Node[] children = new Node[WIDTH];

    /** The smallest invitation below each child, to find where a key belongs. */
    final StoredInvitation[] low = new StoredInvitation[WIDTH];

    int size;
  }

  private Node root = new Leaf();

  int size() {
    return root.count;
  }

  void add(StoredInvitation invitation) {
    Node sibling = insert(root, invitation);
    if (sibling != null) {
      Inner top = new Inner();
      top.children[0] = root;
      top.low[0] = lowest(root);
      top.children[1] = sibling;
      top.low[1] = lowest(sibling);
      top.size = 2;
      top.count = root.count + sibling.count;
      root = top;
    }
  }

  void remove(StoredInvitation invitation) {
    delete(root, invitation);
    while (root instanceof Inner && ((Inner) root).size == 1) {
      root = ((Inner) root).children[0];
    }
    if (root instanceof Inner && ((Inner) root).size == 0) {
      root = new Leaf();
    }
  }

  /** Up to {@code limit} invitations from position {@code offset} (0-based), in order. */
  List<StoredInvitation> slice(long offset, int limit) {
    List<StoredInvitation> out = new ArrayList<>(Math.max(0, Math.min(limit, size())));
    if (offset < 0 || offset >= size() || limit <= 0) {
      return out;
    }
    Node node = root;
    long skip = offset;
    while (node instanceof Inner) {
      Inner inner = (Inner) node;
      int i = 0;
      while (skip >= inner.children[i].count) {
        skip -= inner.children[i].count;
        i++;
      }
      node = inner.children[i];
    }
    Leaf leaf = (Leaf) node;
    int index = (int) skip;
    while (leaf != null && out.size() < limit) {
      for (; index < leaf.count && out.size() < limit; index++) {
        out.add(leaf.items[index]);
      }
      leaf = leaf.next;
      index = 0;
    }
    return out;
  }

  /** Every invitation in order. */
  List<StoredInvitation> all() {
    return slice(0, size());
  }

  /** Inserts below {@code node}; returns the new right sibling when the node had to split. */
  private static Node insert(Node node, StoredInvitation added) {
    if (node instanceof Leaf) {
      Leaf leaf = (Leaf) node;
      int at = position(leaf.items, leaf.count, added);
      if (leaf.count < WIDTH) {
        System.arraycopy(leaf.items, at, leaf.items, at + 1, leaf.count - at);
        leaf.items[at] = added;
        leaf.count++;
        return null;
      }
      Leaf right = new Leaf();
      // Appending, as every create does: the full leaf stays full and the new one starts empty,
      // so a tree built in order packs its leaves instead of leaving them half empty.
      int half = at == WIDTH ? WIDTH : WIDTH / 2;
      System.arraycopy(leaf.items, half, right.items, 0, WIDTH - half);
      java.util.Arrays.fill(leaf.items, half, WIDTH, null);
      leaf.count = half;
      right.count = WIDTH - half;
      right.next = leaf.next;
      right.prev = leaf;
      if (leaf.next != null) {
        leaf.next.prev = right;
      }
      leaf.next = right;
      insert(at <= half && leaf.count < WIDTH ? leaf : right, added);
      return right;
    }
    Inner inner = (Inner) node;
    int child = childFor(inner, added);
    Node split = insert(inner.children[child], added);
    inner.count++;
    if (added.compareTo(inner.low[child]) < 0) {
      inner.low[child] = added;
    }
    if (split == null) {
      return null;
    }
    int at = child + 1;
    if (inner.size < WIDTH) {
      insertChild(inner, at, split);
      return null;
    }
    Inner right = new Inner();
    int half = at == WIDTH ? WIDTH : WIDTH / 2; // appending: as for leaves
    System.arraycopy(inner.children, half, right.children, 0, WIDTH - half);
    System.arraycopy(inner.low, half, right.low, 0, WIDTH - half);
    java.util.Arrays.fill(inner.children, half, WIDTH, null);
    java.util.Arrays.fill(inner.low, half, WIDTH, null);
    inner.size = half;
    right.size = WIDTH - half;
    if (at <= half && inner.size < WIDTH) {
      insertChild(inner, at, split);
    } else {
      insertChild(right, at - half, split);
    }
    recount(inner);
    recount(right);
    return right;
  }

  /** Removes from below {@code node}; the invitation is known to be there. */
  private static void delete(Node node, StoredInvitation removed) {
    if (node instanceof Leaf) {
      Leaf leaf = (Leaf) node;
      int at = position(leaf.items, leaf.count, removed) - 1;
      while (at >= 0 && leaf.items[at] != removed) {
        at--; // position() lands after equal keys; identity decides
      }
      if (at < 0) {
        throw new IllegalStateException("invitation " + removed.id + " is not in the index");
      }
      System.arraycopy(leaf.items, at + 1, leaf.items, at, leaf.count - at - 1);
      leaf.items[--leaf.count] = null;
      return;
    }
    Inner inner = (Inner) node;
    int child = childFor(inner, removed);
    Node below = inner.children[child];
    delete(below, removed);
    inner.count--;
    if (below.count == 0) {
      if (below instanceof Leaf) {
        Leaf leaf = (Leaf) below;
        if (leaf.prev != null) {
          leaf.prev.next = leaf.next;
        }
        if (leaf.next != null) {
          leaf.next.prev = leaf.prev;
        }
      }
      System.arraycopy(inner.children, child + 1, inner.children, child, inner.size - child - 1);
      System.arraycopy(inner.low, child + 1, inner.low, child, inner.size - child - 1);
      inner.size--;
      inner.children[inner.size] = null;
      inner.low[inner.size] = null;
    } else if (inner.low[child] == removed) {
      inner.low[child] = lowest(below);
    }
  }

  /** The first index whose invitation sorts after {@code key}. */
  private static int position(StoredInvitation[] items, int count, StoredInvitation key) {
    if (count > 0 && items[count - 1].compareTo(key) <= 0) {
      return count; // the newest yet: one comparison instead of a search
    }
    int lo = 0;
    int hi = count;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (items[mid].compareTo(key) <= 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** The last child whose smallest invitation is not after {@code key} (the first if none). */
  private static int childFor(Inner inner, StoredInvitation key) {
    if (inner.low[inner.size - 1].compareTo(key) <= 0) {
      return inner.size - 1;
    }
    int lo = 1;
    int hi = inner.size;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (inner.low[mid].compareTo(key) <= 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo - 1;
  }

  private static void insertChild(Inner inner, int at, Node child) {
    System.arraycopy(inner.children, at, inner.children, at + 1, inner.size - at);
    System.arraycopy(inner.low, at, inner.low, at + 1, inner.size - at);
    inner.children[at] = child;
    inner.low[at] = lowest(child);
    inner.size++; // its invitations were counted already, in the child it split from
  }

  private static void recount(Inner inner) {
    int count = 0;
    for (int i = 0; i < inner.size; i++) {
      count += inner.children[i].count;
    }
    inner.count = count;
  }

  private static StoredInvitation lowest(Node node) {
    while (node instanceof Inner) {
      node = ((Inner) node).children[0];
    }
    return ((Leaf) node).items[0];
  }
}
