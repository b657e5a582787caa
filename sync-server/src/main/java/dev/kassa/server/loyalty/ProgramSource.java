package dev.kassa.server.loyalty;

import dev.kassa.model.loyalty.program.LoyaltyProgram;
import java.util.Optional;

/** The published loyalty program versions, by version number (published versions never change). */
@FunctionalInterface
public interface ProgramSource {
  Optional<LoyaltyProgram> version(int version);
}
