package dev.kassa.pos.terminal;

import static java.util.Objects.requireNonNull;

import dev.kassa.pos.checkout.Checkout;
import dev.kassa.pos.checkout.Programs;
import dev.kassa.pos.checkout.Returns;
import dev.kassa.pos.ledger.LedgerConfig;
import dev.kassa.pos.ledger.TerminalIdentity;
import dev.kassa.pos.ledger.TerminalLedger;
import dev.kassa.pos.sync.Backoff;
import dev.kassa.pos.sync.ServerAlignedClock;
import dev.kassa.pos.sync.SyncAgent;
import dev.kassa.pos.sync.SyncClient;
import dev.kassa.pos.sync.SyncHttp;
import dev.kassa.pos.sync.SyncState;
import dev.kassa.pos.sync.TokenFile;
import java.time.Duration;
import java.util.SplittableRandom;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * One running terminal without its screens: enrolled (on first start, with the enrollment code),
 * its ledger open in the data directory, the sync agent moving events both ways on its own thread,
 * and the checkout selling against the ledger. The cashier app and the headless simulator start
 * exactly this, so the simulator exercises the code the tills run.
 */
public final class TerminalRuntime implements AutoCloseable {
  /** The cashier waits for an online points hold at most this long before selling offline. */
  private static final Duration ONLINE_LOYALTY_TIMEOUT = Duration.ofSeconds(2);

  private final TerminalProfile profile;
  private final TerminalLedger ledger;
  private final SyncAgent agent;
  private final Checkout checkout;
  private final Returns returns;
  private final TerminalConfig config;
  private final SyncClient client;
  private final TokenFile token;

  private TerminalRuntime(TerminalProfile profile, TerminalLedger ledger, SyncAgent agent, Checkout checkout,
      Returns returns, TerminalConfig config, SyncClient client, TokenFile token) {
    this.config = config;
    this.client = client;
    this.token = token;
    this.profile = profile;
    this.ledger = ledger;
    this.agent = agent;
    this.checkout = checkout;
    this.returns = returns;
  }

  /**
   * Enrols when needed, opens the ledger and starts syncing. Throws {@link NotEnrolledException}
   * when a first start cannot enrol; a terminal already enrolled starts without the server.
   */
  public static TerminalRuntime start(TerminalConfig config) {
    requireNonNull(config, "config == null");
    HttpUrl base = HttpUrl.get(config.serverUrl());
    OkHttpClient http = SyncHttp.client(base, config.https());
    TokenFile token = new TokenFile(config.dataDir());
    SyncClient client = new SyncClient(http, base, token::read);
    TerminalProfile profile = Enrolment.ensure(config, client, token);
    TerminalIdentity identity = new TerminalIdentity(profile.storeId(), profile.terminalId(), profile.storeCurrency());
    ServerAlignedClock clock = new ServerAlignedClock(config.clock(), ClockOffsetFile.read(config.dataDir()));
    TerminalLedger ledger = TerminalLedger.open(LedgerConfig.of(config.dataDir(), identity).withClock(clock));
    try {
      SyncAgent agent = new SyncAgent(client, ledger.outbox(), ledger.feeds(), ledger.hybridClock(),
          profile.terminalId(), config.sync(),
          new Backoff(config.sync().backoffBase(), config.sync().backoffMax(), new SplittableRandom()), clock);
      agent.addServerTimeListener(serverTime -> {
        if (clock.observeServer(serverTime)) {
          ClockOffsetFile.write(config.dataDir(), clock.offset());
        }
      });
      SyncClient quick = new SyncClient(http.newBuilder().callTimeout(ONLINE_LOYALTY_TIMEOUT).build(), base, token::read);
      Programs programs = new Programs(ledger.feeds());
      Checkout checkout = new Checkout(ledger, programs, quick,
          () -> agent.state().connection() == SyncState.Connection.ONLINE, clock, profile.zone());
      SyncStateFile.read(config.dataDir()).map(SyncState::lastSuccess).ifPresent(agent::restoreLastSuccess);
      agent.addListener(state -> SyncStateFile.write(config.dataDir(), state));
      agent.start();
      return new TerminalRuntime(profile, ledger, agent, checkout, new Returns(ledger, programs, clock),
          config, client, token);
    } catch (RuntimeException e) {
      ledger.close();
      throw e;
    }
  }

  /**
   * After the office revoked the token (the state says NOT_AUTHORIZED) and issued a new code: gets
   * a new token for the same terminal and syncs at once. Nothing sold meanwhile is lost; it waits in
   * the outbox. Refused when the code belongs to another terminal.
   */
  public void reenrol(String code) {
    Enrolment.enrol(config, client, token, code, profile);
    agent.syncNow();
  }

  public TerminalProfile profile() {
    return profile;
  }

  public TerminalLedger ledger() {
    return ledger;
  }

  public SyncAgent agent() {
    return agent;
  }

  /** Observable through {@link SyncAgent#addListener}; this is the latest value. */
  public SyncState syncState() {
    return agent.state();
  }

  public Checkout checkout() {
    return checkout;
  }

  public Returns returns() {
    return returns;
  }

  @Override
  public void close() {
    try {
      agent.close();
    } finally {
      ledger.close();
    }
  }
}
