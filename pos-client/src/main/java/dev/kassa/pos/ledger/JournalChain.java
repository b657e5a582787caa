package dev.kassa.pos.ledger;

import dev.kassa.model.sync.EventPayload;
import dev.kassa.model.sync.SyncCodec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The journal's hash: SHA-256 over the previous link's hash (hex, empty for the first link) and the
 * document's canonical JSON ({@link SyncCodec#canonicalBytes}). The server computes the same over
 * the payloads it receives, so terminal and server agree on every link without sharing a secret.
 */
public final class JournalChain {
  private JournalChain() {}

  public static String hash(String previousHash, EventPayload document) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(previousHash.getBytes(StandardCharsets.US_ASCII));
      sha.update(SyncCodec.canonicalBytes(document));
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
