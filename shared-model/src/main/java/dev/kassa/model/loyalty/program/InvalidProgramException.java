package dev.kassa.model.loyalty.program;

import java.util.List;
import java.util.stream.Collectors;

/** A program document that cannot be used, with every problem found, one per line. */
public final class InvalidProgramException extends IllegalArgumentException {
  private final transient List<ProgramViolation> violations;

  public InvalidProgramException(List<ProgramViolation> violations) {
    super("invalid loyalty program:\n" + violations.stream().map(ProgramViolation::toString)
        .collect(Collectors.joining("\n")));
    this.violations = List.copyOf(violations);
  }

  public List<ProgramViolation> violations() {
    return violations;
  }
}
