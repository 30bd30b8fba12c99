package dev.fastlykit.invitations.mock.internal.journal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/** The last {@value #CAPACITY} requests to the API, oldest first. */
public final class Journal {
  /** Entries kept; older ones are dropped. */
  public static final int CAPACITY = 1000;

  /** Bodies are kept up to this many characters. */
  public static final int BODY_CHARS = 4096;

  private final ArrayDeque<Entry> entries = new ArrayDeque<>();

  public synchronized void add(Entry entry) {
    if (entries.size() == CAPACITY) {
      entries.removeFirst();
    }
    entries.addLast(entry);
  }

  public synchronized List<Entry> all() {
    return new ArrayList<>(entries);
  }

  public synchronized void clear() {
    entries.clear();
  }
}
