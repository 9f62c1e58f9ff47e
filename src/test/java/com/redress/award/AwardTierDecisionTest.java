package com.redress.award;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** processes/AwardTier.dmn, evaluated by the real DMN engine: what a nominee receives. */
class AwardTierDecisionTest {

  private static DmnEngine dmn;
  private static DmnDecision tier;

  @BeforeAll
  static void parse() throws Exception {
    dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream model = AwardTierDecisionTest.class.getResourceAsStream("/processes/AwardTier.dmn")) {
      tier = dmn.parseDecision("AwardTier", model);
    }
  }

  private static List<String> awards(String kind, Integer rank, String score, int starsBefore) {
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("kind", kind);
    inputs.put("rank", rank);
    inputs.put("score", score);
    inputs.put("serviceStarsBefore", starsBefore);
    return dmn.evaluateDecision(tier, inputs).getResultList().stream()
        .map(r -> r.get("award") + " " + r.get("cash")).toList();
  }

  @Test
  void theBestIsServiceStarWithCashAndACertificateAboveEightyFive() {
    assertThat(awards("SCORE", 1, "84.99", 0)).containsExactly("SERVICE_STAR 0", "CASH 3000");
    assertThat(awards("SCORE", 1, "85.00", 0)).containsExactly("SERVICE_STAR 0", "CASH 3000", "HONOUR_CERTIFICATE 0");
  }

  @Test
  void ranksTwoAndThreeGetCashAndAnyoneAboveEightyFiveACertificate() {
    assertThat(awards("SCORE", 2, "80", 0)).containsExactly("CASH 1500");
    assertThat(awards("SCORE", 3, "86", 0)).containsExactly("CASH 1000", "HONOUR_CERTIFICATE 0");
    assertThat(awards("SCORE", 4, "85", 0)).containsExactly("HONOUR_CERTIFICATE 0");
    assertThat(awards("SCORE", 5, "70", 0)).isEmpty();
  }

  @Test
  void theThirdServiceStarWithinTwelveMonthsBringsAPromotionRecommendation() {
    assertThat(awards("SCORE", 1, "80", 1)).doesNotContain("PROMOTION_RECOMMENDATION 0");
    assertThat(awards("SCORE", 1, "80", 2)).contains("PROMOTION_RECOMMENDATION 0");
    assertThat(awards("SCORE", 2, "80", 5)).doesNotContain("PROMOTION_RECOMMENDATION 0");
  }

  @Test
  void anInnovationNominationBringsAGift() {
    assertThat(awards("INNOVATION", null, "60", 0)).containsExactly("GIFT 500");
  }
}
