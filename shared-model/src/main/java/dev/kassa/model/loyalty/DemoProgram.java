package dev.kassa.model.loyalty;

import dev.kassa.model.loyalty.program.LoyaltyProgram;
import dev.kassa.model.loyalty.program.ProgramJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The demo store's loyalty program ({@code demo-program.json} beside this class): three tiers, a
 * campaign of every effect and condition kind, redemption, expiry, bonuses, both coupon kinds and
 * gift certificates. The server's demo loader publishes it; the terminal's demo mode evaluates with it.
 */
public final class DemoProgram {
  public static final String RESOURCE = "/dev/kassa/model/loyalty/demo-program.json";

  private DemoProgram() {}

  /** The demo program, validated. */
  public static LoyaltyProgram load() {
    return ProgramJson.readValid(json());
  }

  /** The document as written, for publishing it unchanged. */
  public static String json() {
    try (InputStream in = DemoProgram.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
