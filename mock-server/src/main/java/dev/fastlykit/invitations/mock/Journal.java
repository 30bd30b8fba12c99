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
    StringBuilder out = new StringBuilder(256).append("{\"requests\":[");
    List<RecordedRequest> all = all();
    for (int i = 0; i < all.size(); i++) {
      RecordedRequest r = all.get(i);
      out.append(i == 0 ? "" : ",").append("{\"received_at\":");
      Json.timestamp(out, r.receivedAt().getEpochSecond());
      out.append(",\"method\":");
      Json.string(out, r.method());
      out.append(",\"path\":");
      Json.string(out, r.path());
      out.append(",\"query\":");
      Json.string(out, r.query());
      out.append(",\"headers\":{");
      boolean first = true;
      for (var header : r.headers().entrySet()) {
        out.append(first ? "" : ",");
        Json.string(out, header.getKey());
        out.append(":[");
        for (int v = 0; v < header.getValue().size(); v++) {
          out.append(v == 0 ? "" : ",");
          Json.string(out, header.getValue().get(v));
        }
        out.append(']');
        first = false;
      }
      out.append("},\"body\":");
      Json.string(out, r.body());
      out.append(",\"status\":").append(r.status()).append('}');
    }
    return out.append("]}").toString();
  }
}
