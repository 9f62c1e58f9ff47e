package com.redress.compensation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** processes/CompensationPolicy.dmn (three decisions in one DRD), evaluated by the real DMN engine. */
class CompensationPolicyDecisionTest {

  private static DmnEngine dmn;
  private static DmnDecision policy;
  private static DmnDecision approvers;
  private static DmnDecision range;

  @BeforeAll
  static void parse() throws Exception {
    dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream model = CompensationPolicyDecisionTest.class.getResourceAsStream("/processes/CompensationPolicy.dmn")) {
      List<DmnDecision> decisions = dmn.parseDecisions(model);
      policy = decisions.stream().filter(d -> d.getKey().equals("CompensationPolicy")).findFirst().orElseThrow();
      approvers = decisions.stream().filter(d -> d.getKey().equals("CompensationApprovers")).findFirst().orElseThrow();
      range = decisions.stream().filter(d -> d.getKey().equals("CompensationRange")).findFirst().orElseThrow();
    }
  }

  private static DmnDecisionResult band(String type, String amount, String granted, String tier, String severity) {
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("compensationType", type);
    inputs.put("compensationAmount", amount);
    inputs.put("grantedLast90Days", granted);
    inputs.put("customerTier", tier);
    inputs.put("severity", severity);
    return dmn.evaluateDecision(policy, inputs);
  }

  private static int bandOf(String type, String amount, String granted, String tier, String severity) {
    return ((Number) band(type, amount, granted, tier, severity).getSingleResult().getEntry("band")).intValue();
  }

  /** REFUND for a CRITICAL failure is recommended up to 20 000, so these amounts are never above range. */
  @ParameterizedTest(name = "{0} → band {1}")
  @CsvSource({
      "0.01, 0", "199.99, 0", "200, 0", "200.00, 0", "200.01, 1", "1999.99, 1", "2000, 1", "2000.01, 2",
      "19999.99, 2", "20000, 2", "20000.01, 3", "999999.99, 3", "1000000, 3"})
  void bandBoundariesForAStandardCustomer(String amount, int band) {
    assertThat(bandOf("REFUND", amount, "0", "STANDARD", "CRITICAL")).isEqualTo(band);
  }

  @Test
  void aCustomersHistoryAboveAnyLimitStillHasABandFinanceCoSigns() {
    // a single proposal above redress.compensation.max-amount is refused by the handling form
    assertThat(bandOf("REFUND", "150", "1000000", "STANDARD", "CRITICAL")).isEqualTo(3);
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
      "STANDARD, HIGH, 2", "SILVER, CRITICAL, 2", "GOLD, LOW, 3", "GOLD, MEDIUM, 3", "PLATINUM, MEDIUM, 3",
      "GOLD, HIGH, 1", "GOLD, CRITICAL, 1", "PLATINUM, HIGH, 1", "PLATINUM, CRITICAL, 1"})
  void supervisorsApproveUpToFiveThousandForPremiumCustomersAfterSeriousFailures(String tier, String severity,
      int band) {
    // a 4 000 REPLACEMENT is within range for HIGH (to 10 000) and CRITICAL, above it for LOW and MEDIUM
    assertThat(bandOf("REPLACEMENT", "4000", "0", tier, severity)).isEqualTo(band);
    assertThat(bandOf("REPLACEMENT", "5000.01", "0", tier, severity)).isGreaterThanOrEqualTo(2);
  }

  @Test
  void aRepeatCustomerIsJudgedOnWhatTheyWereGrantedInTheLast90DaysPlusThisProposal() {
    assertThat(bandOf("REFUND", "150", "0", "STANDARD", "HIGH")).isEqualTo(0);
    assertThat(bandOf("REFUND", "150", "50", "STANDARD", "HIGH")).isEqualTo(0);
    assertThat(bandOf("REFUND", "150", "50.01", "STANDARD", "HIGH")).isEqualTo(1);
    assertThat(bandOf("REFUND", "150", "1850.01", "STANDARD", "HIGH")).isEqualTo(2);
  }

  @Test
  void aProposalAboveTheRecommendedRangeNeedsOneBandMore() {
    // a VOUCHER for a LOW failure is recommended up to 100
    assertThat(bandOf("VOUCHER", "100", "0", "STANDARD", "LOW")).isEqualTo(0);
    assertThat(bandOf("VOUCHER", "100.01", "0", "STANDARD", "LOW")).isEqualTo(1);
    // a DISCOUNT for a MEDIUM failure up to 300: 300.01 is band 1 anyway, above range makes it 2
    assertThat(bandOf("DISCOUNT", "300", "0", "STANDARD", "MEDIUM")).isEqualTo(1);
    assertThat(bandOf("DISCOUNT", "300.01", "0", "STANDARD", "MEDIUM")).isEqualTo(2);
    // a REFUND for a HIGH failure up to 5 000: 5 000.01 is band 2 anyway, above range makes it 3
    assertThat(bandOf("REFUND", "5000.01", "0", "STANDARD", "HIGH")).isEqualTo(3);
    assertThat(bandOf("REFUND", "5000", "0", "STANDARD", "HIGH")).isEqualTo(2);
  }

  @Test
  void theRangeIsKnownForEveryTypeAndSeverity() {
    for (String type : List.of("REFUND", "VOUCHER", "DISCOUNT", "FREE_SERVICE", "REPLACEMENT")) {
      for (String severity : List.of("LOW", "MEDIUM", "HIGH", "CRITICAL")) {
        Map<String, Object> r = dmn.evaluateDecision(range, Map.of("compensationType", type, "severity", severity))
            .getSingleResult().getEntryMap();
        assertThat(((Number) r.get("recommendedMax")).intValue()).as(type + " " + severity)
            .isGreaterThan(((Number) r.get("recommendedMin")).intValue());
      }
    }
  }

  @Test
  void approversOfEachBandInOrder() {
    assertThat(groups(0)).isEmpty();
    assertThat(groups(1)).containsExactly("supervisors");
    assertThat(groups(2)).containsExactly("service-managers");
    assertThat(groups(3)).containsExactly("service-managers", "finance");
  }

  private static List<String> groups(int band) {
    return dmn.evaluateDecision(approvers, Map.of("band", band)).getResultList().stream()
        .sorted(Comparator.comparing(r -> ((Number) r.get("step")).intValue()))
        .map(r -> (String) r.get("approverGroup")).toList();
  }
}
