package dev.kassa.model.sync;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.UUID;

/** A batch of events a terminal pushes; the server stores it in one transaction. */
public record PushRequest(
    int protocolVersion, UUID batchId, String terminalId, ChainHead chainHead, List<SyncEvent> events) {

  public PushRequest {
    requireNonNull(batchId, "batchId == null");
    requireNonNull(terminalId, "terminalId == null");
    requireNonNull(chainHead, "chainHead == null");
    events = List.copyOf(requireNonNull(events, "events == null"));
  }
}
