package dev.kassa.pos.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaultPlanTest {
  private static final EnumSet<FaultProxy.Fault> ALL_FAULTS = EnumSet.complementOf(EnumSet.of(FaultProxy.Fault.NONE));

  private static List<FaultProxy.Fault> draw(FaultPlan plan, int count) {
    List<FaultProxy.Fault> drawn = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      drawn.add(plan.next());
    }
    return drawn;
  }

  @Test
  void everyFaultComesOnceOnTheFirstRequestsWhateverTheSeed() {
    for (long seed = 0; seed < 50; seed++) {
      assertThat(draw(FaultPlan.eachOnceThenEverything(seed, 0), ALL_FAULTS.size()))
          .as("seed " + seed).containsExactlyInAnyOrderElementsOf(ALL_FAULTS);
    }
  }

  @Test
  void aFaultTheProxyCouldNotApplyIsOwedAgain() {
    FaultPlan plan = FaultPlan.eachOnceThenEverything(1, 0);
    FaultProxy.Fault first = plan.next();
    plan.unused(first);

    List<FaultProxy.Fault> rest = draw(plan, ALL_FAULTS.size());
    assertThat(rest).containsExactlyInAnyOrderElementsOf(ALL_FAULTS);
    assertThat(rest.get(0)).isEqualTo(first);
  }

  @Test
  void afterTheOpeningFaultsComeAtTheirRates() {
    FaultPlan plan = FaultPlan.eachOnceThenEverything(7, 0);
    draw(plan, ALL_FAULTS.size());

    assertThat(draw(plan, 100)).containsOnly(FaultProxy.Fault.NONE);
  }
}
