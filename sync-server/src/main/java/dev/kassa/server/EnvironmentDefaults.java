package dev.kassa.server;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Options of {@code kassa server} that an environment variable may set when the command line does
 * not: a container or a service unit configures the server without arguments. The environment is
 * handed in (the process's in production, a map in tests); a variable that is not set leaves the
 * option's own default.
 */
final class EnvironmentDefaults implements IDefaultValueProvider {
  /** Long option name to the variable that sets it; the options' descriptions name the same variables. */
  static final Map<String, String> VARIABLES = Map.of(
      "--port", "KASSA_PORT",
      "--db", "KASSA_DB",
      "--data-dir", "KASSA_DATA_DIR",
      "--metrics-token", "KASSA_METRICS_TOKEN",
      "--max-concurrent-requests", "KASSA_MAX_CONCURRENT_REQUESTS",
      "--overdraft-policy", "KASSA_OVERDRAFT_POLICY");

  private final Map<String, String> environment;

  EnvironmentDefaults(Map<String, String> environment) {
    this.environment = requireNonNull(environment, "environment == null");
  }

  @Override
  public String defaultValue(ArgSpec argSpec) {
    if (!(argSpec instanceof OptionSpec option)) {
      return null;
    }
    String variable = VARIABLES.get(option.longestName());
    return variable == null ? null : environment.get(variable);
  }
}
