package dev.kassa.model.catalog;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/** A product category; {@code parentId} is null for a top-level one. */
public record Category(String id, Map<String, String> names, String parentId) {
  public Category {
    requireNonNull(id, "id == null");
    names = Map.copyOf(requireNonNull(names, "names == null"));
  }
}
