package dev.kassa.server.admin;

import static java.util.Objects.requireNonNull;

/** {@code POST /api/v1/admin/stores/{storeId}/terminals}; {@code id} is optional. */
public record TerminalRequest(String id, String name) {
  public TerminalRequest {
    id = Ids.orNew(id, "id");
    requireNonNull(name, "name == null");
    if (name.isBlank() || name.length() > 200) {
      throw new IllegalArgumentException("name must be 1-200 characters");
    }
  }
}
