package dev.fastlykit.invitations.mock.internal.journal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/** The last {@value #CAPACITY} requests to the API, oldest first. */
public final class Journal {
  /** Entries kept; older ones are dropped. */
  public static final int CAPACITY = 1000;

  /** Bodies are kept up to this many characters. */
  public static final int BODY_CHARS = 4096;

  private final ArrayDeque<Entry> entries = new ArrayDeque<>();
  private final Changes changes;
  private long last;

  /** A journal whose additions and clearing count as changes. */
  public Journal(Changes changes) {
    this.changes = changes;
  }

  /** Keeps an exchange, numbered after every one before it (numbers go on across clears). */
  public void add(Entry entry) {
    synchronized (this) {
      if (entries.size() == CAPACITY) {
        entries.removeFirst();
      }
      entries.addLast(entry.numbered(++last));
    }
    changes.add(); // outside the lock: waking a waiter answers its request
  }

  public synchronized List<Entry> all() {
    return new ArrayList<>(entries);
  }

  /** The entries numbered after {@code seq}, oldest first: what a poller has not seen yet. */
  public synchronized List<Entry> after(long seq) {
    List<Entry> newer = new ArrayList<>();
    for (Iterator<Entry> it = entries.descendingIterator(); it.hasNext(); ) {
      Entry entry = it.next();
      if (entry.seq() <= seq) {
        break;
      }
      newer.add(entry);
    }
    Collections.reverse(newer);
    return newer;
  }

  /**
   * The number below which no entry is kept any more (dropped for room, or cleared): the oldest
   * entry's, or the next entry's when there is none. A poller that shows entries numbered below it
   * shows what the journal forgot.
   */
  public synchronized long keptFrom() {
    return entries.isEmpty() ? last + 1 : entries.peekFirst().seq();
  }

  public void clear() {
    synchronized (this) {
      entries.clear();
    }
    changes.add();
  }
}
