package dev.kassa.model.sync;

import static java.util.Objects.requireNonNull;

/** A terminal's first call: the one-time enrolment code an admin gave the store. */
public record EnrollRequest(String code) {
  public EnrollRequest {
    requireNonNull(code, "code == null");
  }
}
