package dev.kassa.model.loyalty.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kassa.model.loyalty.DemoProgram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProgramValidatorTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theDemoProgramIsValid() {
    assertThat(ProgramValidator.validate(ProgramJson.read(DemoProgram.json()))).isEmpty();
  }

  /** Each case sets one field of the demo program (a JSON pointer) to a bad value. */
  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(delimiter = '|', textBlock = """
      /schema                              | 2                | schema: must be 1 (this version reads schema 1)
      /version                             | 0                | version: must be 1 or more
      /currency                            | "XYZ"            | currency: unknown ISO 4217 currency 'XYZ'
      /timeZone                            | "Mars/Olympus"   | timeZone: unknown time zone 'Mars/Olympus'
      /rounding                            | "UNNECESSARY"    | rounding: must be a rounding mode such as HALF_UP, DOWN or HALF_EVEN
      /accrual/points                      | 1                | accrual: give either points and per (e.g. 1 point per 100.00) or percent
      /accrual/percent                     | 0                | accrual.percent: must be 0.01..100, at most 2 decimals
      /tiers/1/id                          | "bronze"         | tiers[1].id: another tier has the id 'bronze'
      /tiers/2/minSpend                    | 15000            | tiers[2].minSpend: another tier has the same threshold 15000
      /tiers/1/minSpend                    | 100.001          | tiers[1].minSpend: has more than 2 decimals
      /tiers/2/discountPercent             | 101              | tiers[2].discountPercent: must be 0.01..100, at most 2 decimals
      /campaigns/2/effect/percent          | 120              | campaigns[2].effect.percent: must be 0.01..100, at most 2 decimals
      /campaigns/2/effect/points           | 5                | campaigns[2].effect.points: is not used by PERCENT_DISCOUNT: remove it
      /campaigns/3/effect/points           | 0                | campaigns[3].effect.points: must be 1 or more
      /campaigns/1/effect/multiplier       | 1                | campaigns[1].effect.multiplier: must be more than 1 and at most 100, at most 2 decimals
      /campaigns/4/effect/amount           | -1               | campaigns[4].effect.amount: must be more than 0
      /campaigns/1/id                      | "birthday-week"  | campaigns[1].id: another campaign or coupon has the id 'birthday-week'
      /campaigns/1/stacking                | null             | campaigns[1].stacking: is required: EXCLUSIVE or STACKABLE
      /campaigns/2/when/to                 | "2025-12-31"     | campaigns[2].when.to: is before from (2026-01-01)
      /campaigns/1/when/timeTo             | "08:00"          | campaigns[1].when.timeTo: equals timeFrom: leave both out for all day
      /campaigns/5/when/tiers/0            | "platinum"       | campaigns[5].when.tiers[0]: no tier has the id 'platinum'
      /campaigns/0/when/birthdayWindowDays | 40               | campaigns[0].when.birthdayWindowDays: must be 0..31
      /campaigns/4/when/minCheck           | -5               | campaigns[4].when.minCheck: must be 0 or more
      /campaigns/0/effect/type             | null             | campaigns[0].effect.type: is required: POINTS_MULTIPLIER, BONUS_POINTS, PERCENT_DISCOUNT or FIXED_DISCOUNT
      /redemption/capPercent               | 0                | redemption.capPercent: must be 0.01..100, at most 2 decimals
      /redemption/pointValue               | 0                | redemption.pointValue: must be more than 0
      /redemption/minBalance               | -1               | redemption.minBalance: must be 0 or more
      /expiry/afterDays                    | 0                | expiry.afterDays: must be 1 or more (leave out expiry for points that never expire)
      /bonuses/welcome                     | -10              | bonuses.welcome: must be 0 or more
      /coupons/0/code                      | "X"              | coupons[0].code: must be left out: SINGLE_USE codes are issued one by one
      /coupons/1/code                      | null             | coupons[1].code: is required for a PROMO coupon
      /coupons/1/maxUses                   | 0                | coupons[1].maxUses: must be 1 or more
      /coupons/1/id                        | "big-basket"     | coupons[1].id: another campaign or coupon has the id 'big-basket'
      /giftCertificates/validityDays       | 0                | giftCertificates.validityDays: must be 1 or more
      """)
  void namesTheFieldAndWhatIsWrong(String pointer, String value, String expected) throws Exception {
    JsonNode doc = JSON.readTree(DemoProgram.json());
    set(doc, pointer, JSON.readTree(value));

    LoyaltyProgram program = ProgramJson.read(JSON.writeValueAsString(doc));

    assertThat(ProgramValidator.validate(program)).extracting(ProgramViolation::toString).containsExactly(expected);
  }

  @Test
  void reportsEveryProblemAtOnce() throws Exception {
    JsonNode doc = JSON.readTree(DemoProgram.json());
    set(doc, "/version", JSON.readTree("0"));
    set(doc, "/campaigns/2/effect/percent", JSON.readTree("0"));

    assertThatThrownBy(() -> ProgramJson.readValid(JSON.writeValueAsString(doc)))
        .isInstanceOfSatisfying(InvalidProgramException.class, e -> assertThat(e.violations()).hasSize(2))
        .hasMessageContaining("version: must be 1 or more")
        .hasMessageContaining("campaigns[2].effect.percent: must be 0.01..100, at most 2 decimals");
  }

  @Test
  void aTypoInAFieldNameIsAnErrorWithItsPath() throws Exception {
    JsonNode doc = JSON.readTree(DemoProgram.json());
    ((ObjectNode) doc.at("/campaigns/2/effect")).put("percnt", 5);

    assertThatThrownBy(() -> ProgramJson.read(JSON.writeValueAsString(doc)))
        .isInstanceOfSatisfying(InvalidProgramException.class, e ->
            assertThat(e.violations().get(0).path()).isEqualTo("campaigns[2].effect.percnt"))
        .hasMessageContaining("unknown field");
  }

  @Test
  void aValueOfTheWrongTypeIsAnErrorWithItsPath() throws Exception {
    JsonNode doc = JSON.readTree(DemoProgram.json());
    ((ObjectNode) doc.at("/campaigns/1/when")).put("timeFrom", "eight");

    assertThatThrownBy(() -> ProgramJson.read(JSON.writeValueAsString(doc)))
        .isInstanceOfSatisfying(InvalidProgramException.class, e ->
            assertThat(e.violations().get(0).path()).isEqualTo("campaigns[1].when.timeFrom"));
  }

  @Test
  void malformedJsonIsAnInvalidProgram() {
    assertThatThrownBy(() -> ProgramJson.read("{\"schema\": 1,"))
        .isInstanceOf(InvalidProgramException.class)
        .hasMessageContaining("malformed JSON");
  }

  @Test
  void writingAndReadingBackGivesTheSameProgram() {
    LoyaltyProgram demo = DemoProgram.load();

    assertThat(ProgramJson.read(ProgramJson.write(demo))).isEqualTo(demo);
  }

  private static void set(JsonNode doc, String pointer, JsonNode value) {
    int slash = pointer.lastIndexOf('/');
    JsonNode parent = doc.at(pointer.substring(0, slash));
    String last = pointer.substring(slash + 1);
    if (parent instanceof ArrayNode array) {
      array.set(Integer.parseInt(last), value);
    } else {
      ((ObjectNode) parent).set(last, value);
    }
  }
}
