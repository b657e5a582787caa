package dev.kassa.pos.sync;

import static java.util.Objects.requireNonNull;

import dev.kassa.model.id.Hlc;
import dev.kassa.model.id.HybridClock;
import dev.kassa.model.sync.EventResult;
import dev.kassa.model.sync.PushRequest;
import dev.kassa.model.sync.PushResponse;
import dev.kassa.model.sync.Stream;
import dev.kassa.model.sync.SyncCodec;
import dev.kassa.model.sync.SyncEvent;
import dev.kassa.model.id.UuidV7;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves the terminal's work to the server and the server's changes to the terminal, on its own
 * thread, forever: push the outbox in bounded batches (rows are marked only on the server's
 * answer), then pull every stream page by page (each page applied with its cursor in one local
 * transaction while the next one is already being fetched, see {@link FeedPuller}). On failure it
 * backs off with jitter and honours Retry-After. The cashier's thread only ever reads {@link #state()}
 * or calls {@link #syncSoon()} and {@link #syncNow()}, none of which waits for the network.
 */
public final class SyncAgent implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SyncAgent.class);

  private final SyncClient client;
  private final Outbox outbox;
  private final FeedStore feeds;
  private final HybridClock hlc;
  private final SyncSettings settings;
  private final Backoff backoff;
  private final Clock clock;
  private final String terminalId;
  private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "kassa-sync");
    t.setDaemon(true);
    return t;
  });
  // Not stopped by close(): syncOnce() stays usable after it (the simulator drives closed agents
  // to the end). Its one thread ends after a few idle seconds.
  private final ThreadPoolExecutor fetcher = new ThreadPoolExecutor(1, 1, 5, TimeUnit.SECONDS,
      new LinkedBlockingQueue<>(), r -> {
        Thread t = new Thread(r, "kassa-sync-fetch");
        t.setDaemon(true);
        return t;
      });
  private final FeedPuller puller;
  private final List<Consumer<SyncState>> listeners = new CopyOnWriteArrayList<>();
  private final List<Consumer<Hlc>> serverTimeListeners = new CopyOnWriteArrayList<>();
  private volatile SyncState state = SyncState.initial();
  private ScheduledFuture<?> next;
  private boolean requested;
  private volatile Instant lastSuccess;
  private boolean chainBroken;

  public SyncAgent(SyncClient client, Outbox outbox, FeedStore feeds, HybridClock hlc, String terminalId,
      SyncSettings settings, Backoff backoff, Clock clock) {
    this.client = requireNonNull(client, "client == null");
    this.outbox = requireNonNull(outbox, "outbox == null");
    this.feeds = requireNonNull(feeds, "feeds == null");
    this.hlc = requireNonNull(hlc, "hlc == null");
    this.terminalId = requireNonNull(terminalId, "terminalId == null");
    this.settings = requireNonNull(settings, "settings == null");
    this.backoff = requireNonNull(backoff, "backoff == null");
    this.clock = requireNonNull(clock, "clock == null");
    fetcher.allowCoreThreadTimeOut(true);
    this.puller = new FeedPuller(client, feeds, settings.pullPageSize(), fetcher);
  }

  public SyncState state() {
    return state;
  }

  /** {@code listener} is called on the sync thread; a UI hands it over to its own thread. */
  public void addListener(Consumer<SyncState> listener) {
    listeners.add(listener);
  }

  /** {@code listener} hears the server's hybrid time after every push answer (clock alignment). */
  public void addServerTimeListener(Consumer<Hlc> listener) {
    serverTimeListeners.add(listener);
  }

  /**
   * The last successful sync from before a restart (kept in the data directory by the caller):
   * shown, and written back with every state, until the next success replaces it. Without it a
   * till restarted offline would say "never synced" at its first failed attempt.
   */
  public synchronized void restoreLastSuccess(Instant previous) {
    if (lastSuccess == null && previous != null) {
      lastSuccess = previous;
      SyncState s = state;
      state = new SyncState(s.connection(), s.pendingEvents(), s.oldestPendingSale(), previous, s.openConflicts(),
          s.chainBroken(), s.problem());
    }
  }

  public synchronized void start() {
    schedule(Duration.ZERO);
  }

  /**
   * A nudge after a sale; returns at once. Brings the next cycle forward only while the server is
   * well: during a backoff the failing server is left alone until the backoff says.
   */
  public synchronized void syncSoon() {
    if (backoff.failures() == 0 && next != null && next.cancel(false)) {
      schedule(Duration.ZERO);
    }
  }

  /**
   * Someone asked for a sync (re-enrolment, the cashier's "sync now"); returns at once. Forgets the
   * backoff and starts a cycle now, or right after the one under way, which may have begun before
   * the reason to ask (a new token, say).
   */
  public synchronized void syncNow() {
    backoff.reset();
    if (next != null && next.cancel(false)) {
      schedule(Duration.ZERO);
    } else {
      requested = true;
    }
  }

  /** How long until the next scheduled cycle; for tests of the schedule. */
  synchronized Duration untilNextCycle() {
    return next == null ? Duration.ZERO : Duration.ofMillis(Math.max(0, next.getDelay(TimeUnit.MILLISECONDS)));
  }

  private synchronized void schedule(Duration delay) {
    if (!thread.isShutdown()) {
      next = thread.schedule(this::runOnce, delay.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private synchronized void scheduleAfterCycle(Duration wait) {
    if (requested) {
      requested = false;
      backoff.reset();
      wait = Duration.ZERO;
    }
    schedule(wait);
  }

  private void runOnce() {
    Duration wait;
    try {
      syncOnce();
      backoff.reset();
      wait = settings.interval();
    } catch (SyncFailure failure) {
      wait = backoff.nextDelay(failure instanceof SyncFailure.RetryLater later ? later.after() : null);
      log.info("sync failed, next try in {} ms: {}", wait.toMillis(), failure.describe());
    } catch (RuntimeException e) {
      if (thread.isShutdown()) {
        // closed while a call was in flight: the ledger may already be closed under us
        log.debug("sync cycle ended by close: {}", e.toString());
        return;
      }
      // a bug or a local storage problem: keep the agent alive and visible, never crash the till
      wait = backoff.nextDelay(null);
      log.error("sync cycle failed unexpectedly", e);
      publish(SyncState.Connection.OFFLINE, "sync error: " + e.getClass().getSimpleName());
    }
    scheduleAfterCycle(wait);
  }

  /**
   * One full exchange: push everything waiting, then pull every stream. Public for the simulator
   * and for tests that drive the agent step by step.
   */
  public void syncOnce() throws SyncFailure {
    try {
      pushAll();
      for (Stream stream : Stream.values()) {
        puller.pullAll(stream);
      }
      exchangeClocks();
      lastSuccess = clock.instant();
      publish(SyncState.Connection.ONLINE, chainBroken ? "journal chain gap or fork reported by server" : null);
    } catch (SyncFailure.NotAuthorized e) {
      publish(SyncState.Connection.NOT_AUTHORIZED, e.describe());
      throw e;
    } catch (SyncFailure e) {
      publish(SyncState.Connection.OFFLINE, e.describe());
      throw e;
    }
  }

  private void pushAll() throws SyncFailure {
    while (true) {
      List<SyncEvent> batch = outbox.pending(settings.batchMaxEvents(), settings.batchMaxBytes());
      if (batch.isEmpty()) {
        return;
      }
      PushRequest request = new PushRequest(SyncCodec.PROTOCOL_VERSION, UuidV7.next(), terminalId,
          outbox.chainHead(), batch);
      PushResponse response = client.push(request);
      observe(response.serverTime());
      settle(batch, response);
      chainBroken = response.chain() != PushResponse.ChainStatus.CONTINUOUS;
      if (chainBroken) {
        log.warn("server reports the journal chain as {}", response.chain());
      }
    }
  }

  /**
   * An empty push after the pulls: the server's answer carries its hybrid time, at least that of
   * everything just pulled, so whatever this till does next (say, spend points another till's sale
   * just credited) is ordered after what it has seen, even when it had nothing to push.
   */
  private void exchangeClocks() throws SyncFailure {
    PushResponse response = client.push(new PushRequest(SyncCodec.PROTOCOL_VERSION, UuidV7.next(), terminalId,
        outbox.chainHead(), List.of()));
    observe(response.serverTime());
    chainBroken = response.chain() != PushResponse.ChainStatus.CONTINUOUS;
  }

  private void observe(Hlc serverTime) {
    for (Consumer<Hlc> listener : serverTimeListeners) {
      listener.accept(serverTime);
    }
    hlc.observe(serverTime);
  }

  private void settle(List<SyncEvent> batch, PushResponse response) throws SyncFailure {
    if (response.results().size() != batch.size()) {
      throw new SyncFailure.BadAnswer(response.results().size() + " results for " + batch.size() + " events", null);
    }
    List<UUID> settled = new ArrayList<>(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      EventResult result = response.results().get(i);
      if (!result.id().equals(batch.get(i).id())) {
        throw new SyncFailure.BadAnswer("result " + i + " is for another event", null);
      }
      if (result.settled()) {
        settled.add(result.id());
      } else {
        log.warn("server rejected event {}: {}", result.id(), result.reason());
        outbox.markRejected(result.id(), result.reason());
      }
    }
    outbox.markSynced(settled);
  }

  private void publish(SyncState.Connection connection, String problem) {
    SyncState updated = new SyncState(connection, outbox.pendingCount(), outbox.oldestPendingSale(), lastSuccess,
        feeds.openConflicts(), chainBroken, problem);
    state = updated;
    for (Consumer<SyncState> listener : listeners) {
      try {
        listener.accept(updated);
      } catch (RuntimeException e) {
        log.warn("sync state listener failed", e);
      }
    }
  }

  @Override
  public void close() {
    thread.shutdownNow();
    try {
      thread.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
