package dev.kassa.model.loyalty.program;

import static java.util.Objects.requireNonNull;

/** One problem in a program document: where ({@code campaigns[2].effect.percent}) and what. */
public record ProgramViolation(String path, String message) {
  public ProgramViolation {
    requireNonNull(path, "path == null");
    requireNonNull(message, "message == null");
  }

  @Override
  public String toString() {
    return path + ": " + message;
  }
}
