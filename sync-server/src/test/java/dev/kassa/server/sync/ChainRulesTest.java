package dev.kassa.server.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kassa.server.sync.ChainRules.Head;
import dev.kassa.server.sync.ChainRules.Link;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ChainRulesTest {
  private static final Link ONE = new Link(1, "h1", "", UUID.randomUUID());
  private static final Link TWO = new Link(2, "h2", "h1", UUID.randomUUID());
  private static final Link THREE = new Link(3, "h3", "h2", UUID.randomUUID());

  @Test
  void theHeadAdvancesThroughLinksThatFollowOn() {
    assertThat(ChainRules.advance(new Head(0, ""), List.of(THREE, ONE, TWO))).isEqualTo(new Head(3, "h3"));
  }

  @Test
  void theHeadStopsAtAGap() {
    assertThat(ChainRules.advance(new Head(0, ""), List.of(ONE, THREE))).isEqualTo(new Head(1, "h1"));
  }

  @Test
  void twoDocumentsAtOneSeqAreAFork() {
    Link other = new Link(2, "x2", "h1", UUID.randomUUID());

    assertThat(ChainRules.forksAt(Set.of(2L), List.of(ONE, TWO, other))).containsExactlyInAnyOrder(TWO, other);
  }

  @Test
  void aLinkNotFollowingTheHeldPreviousIsAForkWhicheverArrivesFirst() {
    Link stray = new Link(2, "x2", "zz", UUID.randomUUID());

    assertThat(ChainRules.forksAt(ChainRules.affectedBy(List.of(2L)), List.of(ONE, stray))).containsExactly(stray);
    assertThat(ChainRules.forksAt(ChainRules.affectedBy(List.of(1L)), List.of(ONE, stray))).containsExactly(stray);
  }

  @Test
  void anUnbrokenChainHasNoFork() {
    assertThat(ChainRules.forksAt(Set.of(1L, 2L, 3L, 4L), List.of(ONE, TWO, THREE))).isEmpty();
  }
}
