package dev.kassa.server.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MemberReconciliationTest {

  private static Enrolment e(int n, String card, String phone, long at) {
    return new Enrolment(new UUID(0, n), card, phone, at);
  }

  @Test
  void theSamePhoneOnTwoTerminalsIsOneMemberWithTheEarliestCard() {
    Enrolment later = e(1, "2000", "+79990001122", 200);
    Enrolment earlier = e(2, "1000", "+79990001122", 100);

    List<MemberReconciliation.Member> members = MemberReconciliation.members(List.of(later, earlier));

    assertThat(members).hasSize(1);
    assertThat(members.get(0).winner()).isEqualTo(earlier);
    assertThat(members.get(0).cards()).containsExactly("1000", "2000");
  }

  @Test
  void theSameCardEnrolledTwiceIsOneMember() {
    List<MemberReconciliation.Member> members = MemberReconciliation.members(List.of(
        e(1, "1000", "+7999", 100), e(2, "1000", "+7888", 100)));

    assertThat(members).hasSize(1);
    assertThat(members.get(0).winner().eventId()).isEqualTo(new UUID(0, 1));
  }

  @Test
  void aChainThroughPhonesAndCardsJoinsEveryone() {
    List<Enrolment> all = new ArrayList<>(List.of(
        e(1, "1", "+a", 50), e(2, "2", "+a", 10), e(3, "2", "+b", 30), e(4, "3", "+b", 40), e(5, "9", "+z", 1)));
    Collections.shuffle(all);

    List<MemberReconciliation.Member> members = MemberReconciliation.members(all);

    assertThat(members).extracting(MemberReconciliation.Member::cards)
        .containsExactlyInAnyOrder(Set.of("1", "2", "3"), Set.of("9"));
    assertThat(members).filteredOn(m -> m.cards().size() == 3).first()
        .extracting(m -> m.winner().cardNumber()).isEqualTo("2");
  }
}
