package dev.kassa.server.feed;

import static java.util.Objects.requireNonNull;

import dev.kassa.model.sync.Stream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Where a terminal is in a feed, handed to it as an opaque string. Two kinds: after change
 * {@code seq} (following changes), or inside a snapshot taken at {@code seq}, after the entity
 * {@code kind}/{@code key} (snapshot pages go in entity order; once done the terminal follows
 * changes after {@code seq}). The stream is inside, so a cursor of one feed is refused by another.
 */
public record FeedCursor(Stream stream, boolean snapshot, long seq, String afterKind, String afterKey) {
  private static final String VERSION = "k1";

  public FeedCursor {
    requireNonNull(stream, "stream == null");
    if (seq < 0) {
      throw new IllegalArgumentException("seq < 0: " + seq);
    }
  }

  public static FeedCursor following(Stream stream, long seq) {
    return new FeedCursor(stream, false, seq, null, null);
  }

  public static FeedCursor snapshotAt(Stream stream, long seq, String afterKind, String afterKey) {
    return new FeedCursor(stream, true, seq, afterKind, afterKey);
  }

  public String encode() {
    String plain = String.join("\n", VERSION, stream.id(), snapshot ? "s" : "c", Long.toString(seq),
        afterKind == null ? "" : afterKind, afterKey == null ? "" : afterKey);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
  }

  /** Decodes a cursor of {@code stream}; anything else is an {@link IllegalArgumentException}. */
  public static FeedCursor decode(Stream stream, String text) {
    String plain;
    try {
      plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not a cursor of this server");
    }
    String[] parts = plain.split("\n", -1);
    if (parts.length != 6 || !parts[0].equals(VERSION) || !(parts[2].equals("s") || parts[2].equals("c"))) {
      throw new IllegalArgumentException("not a cursor of this server");
    }
    if (!parts[1].equals(stream.id())) {
      throw new IllegalArgumentException("a cursor of the " + parts[1] + " feed, not " + stream.id());
    }
    long seq;
    try {
      seq = Long.parseLong(parts[3]);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a cursor of this server");
    }
    boolean snapshot = parts[2].equals("s");
    return new FeedCursor(stream, snapshot, seq, snapshot && !parts[4].isEmpty() ? parts[4] : null,
        snapshot && !parts[4].isEmpty() ? parts[5] : null);
  }
}
