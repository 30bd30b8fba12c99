package dev.fastlykit.invitations.mock.internal.journal;

import java.util.Arrays;

/**
 * An answer's body as the journal keeps it. An error's text is kept as bytes; the API's own answers
 * keep what they were written from (invitations, whose shown fields never change, and the page
 * around them) and are written again, byte for byte, only when the journal is read. Copying the
 * start of every list answer for a journal that is rarely read cost more than the rest of the
 * journal entry.
 */
@FunctionalInterface
public interface AnswerBody {
  /** No body: an answer without one, or a connection dropped. */
  AnswerBody NONE = () -> new byte[0];

  /** The body as UTF-8 bytes, cut at {@link Journal#BODY_CHARS} bytes; a new array each time. */
  byte[] bytes();

  /** Bytes already written, kept cut at {@link Journal#BODY_CHARS}. */
  static AnswerBody of(byte[] bytes) {
    byte[] kept = Arrays.copyOf(bytes, Math.min(bytes.length, Journal.BODY_CHARS));
    return () -> kept.clone();
  }
}
