package dev.kassa.pos.checkout;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kassa.model.loyalty.engine.LoyaltyEngine;
import dev.kassa.model.loyalty.program.ProgramJson;
import dev.kassa.model.sync.SyncCodec;
import dev.kassa.pos.ledger.store.FeedRows;
import java.util.Optional;

/**
 * The loyalty program the till evaluates with: the newest version the programs feed brought. The
 * compiled engine is kept until a newer version arrives, since compiling is the expensive part.
 */
public final class Programs {
  private final FeedRows feeds;
  private LoyaltyEngine engine;

  public Programs(FeedRows feeds) {
    this.feeds = requireNonNull(feeds, "feeds == null");
  }

  /** The engine of the newest program held, or empty before the first program was pulled. */
  public synchronized Optional<LoyaltyEngine> current() {
    Optional<JsonNode> latest = feeds.latestProgram();
    if (latest.isEmpty()) {
      return Optional.empty();
    }
    int version = latest.get().path("version").asInt();
    if (engine == null || engine.program().version() != version) {
      engine = LoyaltyEngine.of(ProgramJson.read(SyncCodec.toJson(latest.get())));
    }
    return Optional.of(engine);
  }
}
