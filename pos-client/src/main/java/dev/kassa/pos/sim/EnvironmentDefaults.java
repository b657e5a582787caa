package dev.kassa.pos.sim;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Takes the simulator's secrets from environment variables when they are not given as options (the
 * environment keeps them out of the process list). A picocli default provider rather than
 * {@code ${env:...}} defaults, so that a test can hand in an environment of its own.
 */
public final class EnvironmentDefaults implements IDefaultValueProvider {
  static final Map<String, String> VARIABLES = Map.of(
      "--admin-user", "KASSA_ADMIN_USER",
      "--admin-password", "KASSA_ADMIN_PASSWORD",
      "--truststore-password", "KASSA_TRUSTSTORE_PASSWORD");

  private final Map<String, String> environment;

  /** The process's own environment (what picocli uses when it builds the command). */
  public EnvironmentDefaults() {
    this(System.getenv());
  }

  EnvironmentDefaults(Map<String, String> environment) {
    this.environment = Map.copyOf(requireNonNull(environment, "environment == null"));
  }

  @Override
  public String defaultValue(ArgSpec argument) {
    if (argument instanceof OptionSpec option) {
      String variable = VARIABLES.get(option.longestName());
      return variable == null ? null : environment.get(variable);
    }
    return null;
  }
}
