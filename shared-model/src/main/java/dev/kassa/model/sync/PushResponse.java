package dev.kassa.model.sync;

import static java.util.Objects.requireNonNull;

import dev.kassa.model.id.Hlc;
import java.util.List;

/**
 * The server's answer to a push: one result per event, in request order; the state of the
 * terminal's journal chain as the server sees it; and the server's clock, which the terminal
 * merges into its hybrid clock.
 */
public record PushResponse(int protocolVersion, List<EventResult> results, ChainStatus chain, Hlc serverTime) {

  public enum ChainStatus {
    /** Every journal link followed on from the last one the server held. */
    CONTINUOUS,
    /** Links are missing between what the server held and this batch; flagged to the office. */
    GAP,
    /** A link claims a place another document already holds; flagged to the office. */
    FORK
  }

  public PushResponse {
    results = List.copyOf(requireNonNull(results, "results == null"));
    requireNonNull(chain, "chain == null");
    requireNonNull(serverTime, "serverTime == null");
  }
}
