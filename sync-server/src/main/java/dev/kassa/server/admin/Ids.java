package dev.kassa.server.admin;

import dev.kassa.model.id.UuidV7;
import java.util.regex.Pattern;

/** Admin-chosen ids (store and terminal codes) are short and plain; missing ones are UUIDv7s. */
final class Ids {
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  private Ids() {}

  static String orNew(String id, String field) {
    if (id == null) {
      return UuidV7.next().toString();
    }
    return check(id, field);
  }

  static String check(String id, String field) {
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException(field + " must be 1-64 letters, digits, '.', '_' or '-'");
    }
    return id;
  }
}
