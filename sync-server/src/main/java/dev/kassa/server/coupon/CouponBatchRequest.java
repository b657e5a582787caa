package dev.kassa.server.coupon;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * {@code POST /api/v1/admin/coupons/batches}: single-use codes of a coupon definition, either
 * {@code count} made by the server or the given {@code codes}; for one card ({@code cardNumber}) or
 * whoever presents them, until {@code expiresAt} or as long as the definition. {@code batchId} (a
 * UUID, optional) makes the request safe to repeat: the same id answers the batch issued the first time.
 */
public record CouponBatchRequest(UUID batchId, String definitionId, Integer count, List<String> codes,
    String cardNumber, Instant expiresAt) {
  public static final int MAX = 10_000;

  public CouponBatchRequest {
    requireNonNull(definitionId, "definitionId == null");
    List<String> normal = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (String code : codes == null ? List.<String>of() : codes) {
      String c = CouponCodes.normal(requireNonNull(code, "codes: null code"));
      if (!CouponCodes.valid(c)) {
        throw new IllegalArgumentException("codes: each code must be 4-32 letters, digits or '-'");
      }
      if (!seen.add(c)) {
        throw new IllegalArgumentException("codes: a code is given twice");
      }
      normal.add(c);
    }
    codes = List.copyOf(normal);
    if (codes.isEmpty() && count == null) {
      throw new IllegalArgumentException("count or codes is required");
    }
    int n = codes.isEmpty() ? count : codes.size();
    if (n < 1 || n > MAX || (count != null && count != n)) {
      throw new IllegalArgumentException("count must be 1-" + MAX + " and match the codes given: " + count);
    }
  }

  /** How many codes the batch has. */
  public int size() {
    return codes.isEmpty() ? count : codes.size();
  }
}
