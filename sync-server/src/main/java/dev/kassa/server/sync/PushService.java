package dev.kassa.server.sync;

import static java.util.Objects.requireNonNull;

import dev.kassa.model.id.Hlc;
import dev.kassa.model.id.HybridClock;
import dev.kassa.model.sync.EventResult;
import dev.kassa.model.sync.PushResponse;
import dev.kassa.model.sync.SyncCodec;
import dev.kassa.model.sync.SyncFormatException;
import dev.kassa.server.http.Json;
import dev.kassa.server.sync.store.PushStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Takes a terminal's pushed batch: decodes it event by event, applies the {@link EventRules},
 * stores what passes in one transaction and answers one result per event in request order, the
 * journal chain's state and the server's hybrid clock.
 */
public final class PushService {
  /** Largest batch taken in one request; the terminal's agent sends far smaller ones. */
  public static final int MAX_EVENTS = 5_000;
  /**
   * A terminal stamp further ahead of the server's wall clock than this is stored but not merged
   * into the server's clock: one terminal hours fast must not drag every other clock with it.
   */
  static final Duration MAX_CLOCK_LEAD = Duration.ofMinutes(5);

  private final PushStore store;
  private final HybridClock hlc;
  private final Clock wallClock;

  public PushService(PushStore store, HybridClock hlc, Clock wallClock) {
    this.store = requireNonNull(store, "store == null");
    this.hlc = requireNonNull(hlc, "hlc == null");
    this.wallClock = requireNonNull(wallClock, "wallClock == null");
  }

  /**
   * @throws SyncFormatException the batch is malformed (400)
   * @throws PushRefused the batch names another terminal (403) or is too large (413)
   */
  public PushResponse push(String storeId, String terminalId, byte[] body) {
    PushDecoder.Batch batch = PushDecoder.decode(body);
    if (!batch.terminalId().equals(terminalId)) {
      throw new PushRefused(403, "terminalId", "the batch names another terminal than the token's");
    }
    if (batch.events().size() > MAX_EVENTS) {
      throw new PushRefused(413, "events", "more than " + MAX_EVENTS + " events in one batch");
    }
    List<Incoming> checked = new ArrayList<>(batch.events().size());
    List<Incoming> acceptable = new ArrayList<>();
    for (Incoming in : batch.events()) {
      Incoming verdict = in;
      if (in.acceptable()) {
        // rejected alone, not the batch: a terminal must not be stuck re-sending one bad event
        String reason = Json.holdsNul(in.body(), 0, in.body().length) ? Json.NUL_RULE
            : EventRules.rejection(in.event(), storeId, terminalId);
        verdict = reason == null ? in : in.reject(reason);
      }
      checked.add(verdict);
      if (verdict.acceptable()) {
        acceptable.add(verdict);
      }
    }
    PushStore.Stored stored = acceptable.isEmpty()
        ? new PushStore.Stored(List.of(), store.chainStatus(terminalId))
        : store.push(storeId, terminalId, acceptable);
    List<EventResult> results = new ArrayList<>(checked.size());
    int next = 0;
    for (Incoming in : checked) {
      results.add(in.acceptable()
          ? stored.results().get(next++)
          : new EventResult(in.id(), EventResult.Outcome.REJECTED, in.rejection()));
    }
    return new PushResponse(SyncCodec.PROTOCOL_VERSION, results, stored.chain(), serverTime(acceptable));
  }

  private Hlc serverTime(List<Incoming> events) {
    long limit = wallClock.millis() + MAX_CLOCK_LEAD.toMillis();
    Hlc latest = null;
    for (Incoming in : events) {
      Hlc stamp = in.event().hlc();
      if (stamp.physicalMillis() <= limit && (latest == null || stamp.isAfter(latest))) {
        latest = stamp;
      }
    }
    return latest == null ? hlc.now() : hlc.observe(latest);
  }
}
