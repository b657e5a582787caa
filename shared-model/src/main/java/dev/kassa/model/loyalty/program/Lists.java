package dev.kassa.model.loyalty.program;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Null-tolerant copies: a document may omit a list, and may contain nulls the validator reports. */
final class Lists {
  private Lists() {}

  static <T> List<T> copy(List<T> list) {
    return list == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(list));
  }
}
