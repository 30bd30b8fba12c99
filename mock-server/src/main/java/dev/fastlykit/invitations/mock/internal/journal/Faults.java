package dev.fastlykit.invitations.mock.internal.journal;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** The active fault rules, first added first matched. */
public final class Faults {
  /** A fault in force: its id and how many more requests it applies to (0: all). */
  public record InForce(String id, Fault fault, int remaining) {}

  private static final class Active {
    final String id;
    final Fault rule;
    int remaining;

    Active(String id, Fault rule) {
      this.id = id;
      this.rule = rule;
      this.remaining = rule.times();
    }
  }

  private final List<Active> rules = new ArrayList<>();
  private final Changes changes;
  private int nextId = 1;
  private volatile boolean any;

  /** Rules whose adding and removing count as changes (using one up is a request's change). */
  public Faults(Changes changes) {
    this.changes = changes;
  }

  public String add(Fault rule) {
    String id;
    synchronized (this) {
      id = "fault-" + nextId++;
      rules.add(new Active(id, rule));
      any = true;
    }
    changes.add(); // outside the lock, as every change: waking a waiter answers its request
    return id;
  }

  public boolean remove(String id) {
    boolean removed;
    synchronized (this) {
      removed = rules.removeIf(a -> a.id.equals(id));
      any = !rules.isEmpty();
    }
    if (removed) {
      changes.add();
    }
    return removed;
  }

  public void clear() {
    synchronized (this) {
      rules.clear();
      any = false;
    }
    changes.add();
  }

  /** The rule that applies to this request, using up one of its times; or null. */
  public Fault match(String method, String path) {
    if (!any) {
      return null; // the common case costs one volatile read
    }
    synchronized (this) {
      for (Iterator<Active> it = rules.iterator(); it.hasNext(); ) {
        Active active = it.next();
        if (!active.rule.matches(method, path)) {
          continue;
        }
        if (active.rule.probability() < 1
            && ThreadLocalRandom.current().nextDouble() >= active.rule.probability()) {
          continue;
        }
        if (active.remaining > 0 && --active.remaining == 0) {
          it.remove();
          any = !rules.isEmpty();
        }
        return active.rule;
      }
      return null;
    }
  }

  /** The faults in force, first added first. */
  public synchronized List<InForce> all() {
    List<InForce> all = new ArrayList<>(rules.size());
    for (Active active : rules) {
      all.add(new InForce(active.id, active.rule, active.remaining));
    }
    return all;
  }
}
