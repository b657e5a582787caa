package dev.kassa.server.loyalty;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reconciles members enrolled offline: enrolments that share a card number or a phone, directly
 * or through a chain of others, are one member. The earliest enrolment wins (its card becomes the
 * member's card, the others become aliases of it). A pure function of the set of enrolments, so
 * every server and every arrival order reach the same members.
 */
public final class MemberReconciliation {
  private MemberReconciliation() {}

  /** One member: the winning enrolment and every card that now belongs to it (its own included). */
  public record Member(Enrolment winner, Set<String> cards) {}

  /** The members formed by {@code enrolments}, which should be whole connected groups. */
  public static List<Member> members(Collection<Enrolment> enrolments) {
    Map<String, List<Enrolment>> byKey = new HashMap<>();
    for (Enrolment e : enrolments) {
      byKey.computeIfAbsent("card:" + e.cardNumber(), k -> new ArrayList<>()).add(e);
      if (e.phone() != null && !e.phone().isBlank()) {
        byKey.computeIfAbsent("phone:" + e.phone(), k -> new ArrayList<>()).add(e);
      }
    }
    Set<Enrolment> seen = new HashSet<>();
    List<Member> members = new ArrayList<>();
    for (Enrolment start : enrolments) {
      if (!seen.add(start)) {
        continue;
      }
      Enrolment winner = start;
      Set<String> cards = new TreeSet<>();
      Deque<Enrolment> queue = new ArrayDeque<>(List.of(start));
      while (!queue.isEmpty()) {
        Enrolment e = queue.poll();
        cards.add(e.cardNumber());
        if (Enrolment.PRECEDENCE.compare(e, winner) < 0) {
          winner = e;
        }
        for (String key : keys(e)) {
          for (Enrolment next : byKey.getOrDefault(key, List.of())) {
            if (seen.add(next)) {
              queue.add(next);
            }
          }
        }
      }
      members.add(new Member(winner, cards));
    }
    return members;
  }

  /** The lookup keys an enrolment connects through. */
  public static List<String> keys(Enrolment e) {
    return e.phone() == null || e.phone().isBlank()
        ? List.of("card:" + e.cardNumber())
        : List.of("card:" + e.cardNumber(), "phone:" + e.phone());
  }
}
