package dev.kassa.pos.receipt;

import static java.util.Objects.requireNonNull;

import dev.kassa.pos.device.escpos.RasterImage;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * The top of every receipt and report: the store's name, address and tax number lines, an
 * optional logo, and the store's time zone (receipts show local time; the sale keeps UTC).
 */
public record StoreHeader(String name, List<String> lines, ZoneId zone, Optional<RasterImage> logo) {

  public StoreHeader {
    requireNonNull(name, "name == null");
    lines = List.copyOf(requireNonNull(lines, "lines == null"));
    requireNonNull(zone, "zone == null");
    requireNonNull(logo, "logo == null");
    if (name.isBlank()) {
      throw new IllegalArgumentException("store name is blank");
    }
  }
}
