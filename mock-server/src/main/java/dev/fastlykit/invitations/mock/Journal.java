package dev.fastlykit.invitations.mock;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/** The last {@value Limits#JOURNAL_SIZE} requests to the API, oldest first. */
final class Journal {
  private final ArrayDeque<RecordedRequest> entries = new ArrayDeque<>();
  private final int capacity;

  Journal(int capacity) {
    this.capacity = capacity;
  }

  synchronized void add(RecordedRequest request) {
    if (entries.size() == capacity) {
      entries.removeFirst();
    }
    entries.addLast(request);
  }

  synchronized List<RecordedRequest> all() {
    return new ArrayList<>(entries);
  }

  synchronized void clear() {
    entries.clear();
  }

  String toJson() {
    JsonWriter out = new JsonWriter(256).append("{\"requests\":[");
    List<RecordedRequest> all = all();
    for (int i = 0; i < all.size(); i++) {
      RecordedRequest r = all.get(i);
      out.append(i == 0 ? "" : ",").append("{\"received_at\":");
      out.timestamp(r.receivedAt().getEpochSecond());
      out.append(",\"method\":");
      out.string(r.method());
      out.append(",\"path\":");
      out.string(r.path());
      out.append(",\"query\":");
      out.string(r.query());
      out.append(",\"headers\":{");
      boolean first = true;
      for (var header : r.headers().entrySet()) {
        out.append(first ? "" : ",");
        out.string(header.getKey());
        out.append(":[");
        for (int v = 0; v < header.getValue().size(); v++) {
          out.append(v == 0 ? "" : ",");
          out.string(header.getValue().get(v));
        }
        out.append(']');
        first = false;
      }
      out.append("},\"body\":");
      out.string(r.body());
      out.append(",\"status\":").append(r.status()).append('}');
    }
    return out.append("]}").toString();
  }
}
