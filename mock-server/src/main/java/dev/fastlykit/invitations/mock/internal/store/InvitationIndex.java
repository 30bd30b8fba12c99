package dev.fastlykit.invitations.mock.internal.store;

import java.util.ArrayList;
import java.util.List;

/**
 * One customer's invitations in list order (oldest first, ties by id), as a B+ tree whose inner
 * nodes know their subtree sizes: adding and removing cost O(log n), and a page at any offset costs
 * O(log n + page size), so page 25,000 of a million invitations is as cheap as page 1. Wide nodes
 * keep the tree three or four levels deep and a page's invitations side by side in memory. Not
 * thread-safe: the store guards it.
 *
 * <p>Each node holds its keys beside its invitations: the creation second and the id's first four
 * characters ({@link #head}) in arrays of longs. Creates in one second tie on time, and a search
 * that read each invitation it compared (and its id's string and array) cost a cache miss per
 * comparison once the store is large; the keys decide nearly every comparison alone.
 */
final class InvitationIndex {
  private static final int WIDTH = 64;

  private abstract static class Node {
    int count; // invitations below this node
  }

  private static final class Leaf extends Node {
    final StoredInvitation[] items = new StoredInvitation[WIDTH];
    final long[] times = new long[WIDTH];
    final long[] heads = new long[WIDTH];
    Leaf prev;
    Leaf next;
  }

  private static final class Inner extends Node {
    final Node[] children = new Node[WIDTH];

    /** The smallest invitation below each child, to find where a key belongs, and its keys. */
    final StoredInvitation[] low = new StoredInvitation[WIDTH];

    final long[] lowTimes = new long[WIDTH];
    final long[] lowHeads = new long[WIDTH];

    int size;
  }

  private Node root = new Leaf();

  int size() {
    return root.count;
  }

  void add(StoredInvitation invitation) {
    Node sibling = insert(root, new Key(invitation));
    if (sibling != null) {
      Inner top = new Inner();
      top.children[0] = root;
      setLow(top, 0, lowest(root));
      top.children[1] = sibling;
      setLow(top, 1, lowest(sibling));
      top.size = 2;
      top.count = root.count + sibling.count;
      root = top;
    }
  }

  void remove(StoredInvitation invitation) {
    delete(root, new Key(invitation));
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
  private static Node insert(Node node, Key added) {
    if (node instanceof Leaf) {
      Leaf leaf = (Leaf) node;
      int at = position(leaf, added);
      if (leaf.count < WIDTH) {
        shift(leaf, at, at + 1, leaf.count - at);
        leaf.items[at] = added.invitation;
        leaf.times[at] = added.time;
        leaf.heads[at] = added.head;
        leaf.count++;
        return null;
      }
      Leaf right = new Leaf();
      // Appending, as every create does: the full leaf stays full and the new one starts empty,
      // so a tree built in order packs its leaves instead of leaving them half empty.
      int half = at == WIDTH ? WIDTH : WIDTH / 2;
      System.arraycopy(leaf.items, half, right.items, 0, WIDTH - half);
      System.arraycopy(leaf.times, half, right.times, 0, WIDTH - half);
      System.arraycopy(leaf.heads, half, right.heads, 0, WIDTH - half);
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
    if (compare(added, inner.lowTimes[child], inner.lowHeads[child], inner.low[child]) < 0) {
      setLow(inner, child, added);
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
    System.arraycopy(inner.lowTimes, half, right.lowTimes, 0, WIDTH - half);
    System.arraycopy(inner.lowHeads, half, right.lowHeads, 0, WIDTH - half);
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
  private static void delete(Node node, Key removed) {
    if (node instanceof Leaf) {
      Leaf leaf = (Leaf) node;
      int at = position(leaf, removed) - 1;
      while (at >= 0 && leaf.items[at] != removed.invitation) {
        at--; // position() lands after equal keys; identity decides
      }
      if (at < 0) {
        throw new IllegalStateException(
            "invitation " + removed.invitation.id + " is not in the index");
      }
      shift(leaf, at + 1, at, leaf.count - at - 1);
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
      int moved = inner.size - child - 1;
      System.arraycopy(inner.children, child + 1, inner.children, child, moved);
      System.arraycopy(inner.low, child + 1, inner.low, child, moved);
      System.arraycopy(inner.lowTimes, child + 1, inner.lowTimes, child, moved);
      System.arraycopy(inner.lowHeads, child + 1, inner.lowHeads, child, moved);
      inner.size--;
      inner.children[inner.size] = null;
      inner.low[inner.size] = null;
    } else if (inner.low[child] == removed.invitation) {
      setLow(inner, child, lowest(below));
    }
  }

  /** The first index whose invitation sorts after {@code key}. */
  private static int position(Leaf leaf, Key key) {
    int count = leaf.count;
    int last = count - 1;
    if (count > 0 && compare(key, leaf.times[last], leaf.heads[last], leaf.items[last]) >= 0) {
      return count; // the newest yet: one comparison instead of a search
    }
    int lo = 0;
    int hi = count;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (compare(key, leaf.times[mid], leaf.heads[mid], leaf.items[mid]) >= 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** The last child whose smallest invitation is not after {@code key} (the first if none). */
  private static int childFor(Inner inner, Key key) {
    int last = inner.size - 1;
    if (compare(key, inner.lowTimes[last], inner.lowHeads[last], inner.low[last]) >= 0) {
      return last;
    }
    int lo = 1;
    int hi = inner.size;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (compare(key, inner.lowTimes[mid], inner.lowHeads[mid], inner.low[mid]) >= 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo - 1;
  }

  /**
   * A key against the invitation whose keys are {@code time} and {@code head}: the invitation
   * itself is read only when both tie.
   */
  private static int compare(Key key, long time, long head, StoredInvitation other) {
    int byTime = Long.compare(key.time, time);
    if (byTime != 0) {
      return byTime;
    }
    int byHead = Long.compareUnsigned(key.head, head);
    return byHead != 0 ? byHead : key.invitation.id.compareTo(other.id);
  }

  /** Moves a leaf's entries, with their keys. */
  private static void shift(Leaf leaf, int from, int to, int length) {
    System.arraycopy(leaf.items, from, leaf.items, to, length);
    System.arraycopy(leaf.times, from, leaf.times, to, length);
    System.arraycopy(leaf.heads, from, leaf.heads, to, length);
  }

  private static void insertChild(Inner inner, int at, Node child) {
    int moved = inner.size - at;
    System.arraycopy(inner.children, at, inner.children, at + 1, moved);
    System.arraycopy(inner.low, at, inner.low, at + 1, moved);
    System.arraycopy(inner.lowTimes, at, inner.lowTimes, at + 1, moved);
    System.arraycopy(inner.lowHeads, at, inner.lowHeads, at + 1, moved);
    inner.children[at] = child;
    setLow(inner, at, lowest(child));
    inner.size++; // its invitations were counted already, in the child it split from
  }

  private static void setLow(Inner inner, int at, Key low) {
    inner.low[at] = low.invitation;
    inner.lowTimes[at] = low.time;
    inner.lowHeads[at] = low.head;
  }

  private static void recount(Inner inner) {
    int count = 0;
    for (int i = 0; i < inner.size; i++) {
      count += inner.children[i].count;
    }
    inner.count = count;
  }

  private static Key lowest(Node node) {
    while (node instanceof Inner) {
      node = ((Inner) node).children[0];
    }
    Leaf leaf = (Leaf) node;
    return new Key(leaf.items[0], leaf.times[0], leaf.heads[0]);
  }

  /** An invitation with the keys it is ordered by. */
  private static final class Key {
    final StoredInvitation invitation;
    final long time;
    final long head;

    Key(StoredInvitation invitation) {
      this(invitation, invitation.createdAt, head(invitation.id));
    }

    Key(StoredInvitation invitation, long time, long head) {
      this.invitation = invitation;
      this.time = time;
      this.head = head;
    }
  }

  /**
   * An id's first four UTF-16 units, the first highest, a shorter id padded with zeros: compared
   * unsigned, two heads that differ order their ids as {@link String#compareTo} does, since a zero
   * of padding differs only from a real unit above zero, and its id, ended there, sorts first as a
   * prefix does. Heads that tie leave it to the ids.
   */
  static long head(String id) {
    long head = 0;
    for (int i = 0; i < 4; i++) {
      head = head << 16 | (i < id.length() ? id.charAt(i) : 0);
    }
    return head;
  }
}
