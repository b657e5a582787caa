package dev.kassa.pos.terminal;

import static java.util.Objects.requireNonNull;

import dev.kassa.pos.sync.HttpsOptions;
import dev.kassa.pos.sync.SyncSettings;
import java.nio.file.Path;
import java.time.Clock;

/**
 * How to start a terminal: its data directory, the server and, for the first start, the
 * enrollment code the office gave. {@code clock} is the terminal's wall clock (tests skew it).
 */
public record TerminalConfig(Path dataDir, String serverUrl, String enrollmentCode, HttpsOptions https,
    SyncSettings sync, Clock clock) {

  public TerminalConfig {
    requireNonNull(dataDir, "dataDir == null");
    requireNonNull(serverUrl, "serverUrl == null");
    requireNonNull(https, "https == null");
    requireNonNull(sync, "sync == null");
    requireNonNull(clock, "clock == null");
  }

  public static TerminalConfig of(Path dataDir, String serverUrl, String enrollmentCode) {
    return new TerminalConfig(dataDir, serverUrl, enrollmentCode, HttpsOptions.systemDefaults(), SyncSettings.defaults(),
        Clock.systemUTC());
  }

  public TerminalConfig withSync(SyncSettings settings) {
    return new TerminalConfig(dataDir, serverUrl, enrollmentCode, https, settings, clock);
  }

  public TerminalConfig withClock(Clock newClock) {
    return new TerminalConfig(dataDir, serverUrl, enrollmentCode, https, sync, newClock);
  }

  public TerminalConfig withHttps(HttpsOptions options) {
    return new TerminalConfig(dataDir, serverUrl, enrollmentCode, options, sync, clock);
  }
}
