package com.redress.classification;

import static org.assertj.core.api.Assertions.assertThat;

import com.redress.complaint.Category;
import com.redress.complaint.Channel;
import com.redress.complaint.CustomerTier;
import com.redress.complaint.Severity;
import java.io.InputStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** processes/ComplaintClassification.dmn, evaluated by the real DMN engine, one test per group of rows. */
class ComplaintClassificationDecisionTest {

  private static DmnEngine dmn;
  private static DmnDecision decision;

  @BeforeAll
  static void parse() throws Exception {
    dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    try (InputStream model = ComplaintClassificationDecisionTest.class.getResourceAsStream("/processes/ComplaintClassification.dmn")) {
      decision = dmn.parseDecision("ComplaintClassification", model);
    }
  }

  private static DmnDecisionResult classify(Category category, Channel channel, CustomerTier tier, long orderAmount,
      int recentComplaints) {
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("category", category.name());
    inputs.put("channel", channel.name());
    inputs.put("customerTier", tier.name());
    inputs.put("orderAmountUnits", orderAmount);
    inputs.put("complaintsLast90Days", recentComplaints);
    return dmn.evaluateDecision(decision, inputs);
  }

  private static Map<String, Object> single(Category category, CustomerTier tier) {
    return classify(category, Channel.WEB, tier, 100, 0).getSingleResult().getEntryMap();
  }

  @Test
  void safetyOfPremiumCustomersIsCritical() {
    assertThat(single(Category.SAFETY, CustomerTier.PLATINUM))
        .containsEntry("severity", "CRITICAL").containsEntry("handlerGroup", "team-safety")
        .containsEntry("firstResponseSlaHours", 1).containsEntry("resolutionSlaHours", 8);
    assertThat(single(Category.SAFETY, CustomerTier.GOLD)).containsEntry("severity", "CRITICAL");
  }

  @ParameterizedTest
  @MethodSource("everyChannelTierAndAmount")
  void safetyIsAlwaysAtLeastHigh(Channel channel, CustomerTier tier, long amount) {
    Map<String, Object> result = classify(Category.SAFETY, channel, tier, amount, 0).getSingleResult().getEntryMap();
    assertThat(Severity.valueOf((String) result.get("severity"))).isGreaterThanOrEqualTo(Severity.HIGH);
    assertThat(result).containsEntry("handlerGroup", "team-safety");
  }

  static Stream<Arguments> everyChannelTierAndAmount() {
    return Arrays.stream(Channel.values()).flatMap(channel -> Arrays.stream(CustomerTier.values())
        .flatMap(tier -> Stream.of(0L, 4_999L, 5_000L, 1_000_000L).map(amount -> Arguments.of(channel, tier, amount))));
  }

  @Test
  void damageIsHighForLargeOrdersAndPlatinumOtherwiseMedium() {
    assertThat(classify(Category.DAMAGE, Channel.WEB, CustomerTier.STANDARD, 5_000, 0).getSingleResult().getEntryMap())
        .containsEntry("severity", "HIGH").containsEntry("handlerGroup", "team-logistics");
    assertThat(classify(Category.DAMAGE, Channel.WEB, CustomerTier.STANDARD, 4_999, 0).getSingleResult().getEntryMap())
        .containsEntry("severity", "MEDIUM");
    assertThat(single(Category.DAMAGE, CustomerTier.PLATINUM)).containsEntry("severity", "HIGH");
  }

  @Test
  void billingGoesToBillingTeam() {
    assertThat(single(Category.BILLING, CustomerTier.STANDARD))
        .containsEntry("severity", "MEDIUM").containsEntry("handlerGroup", "team-billing")
        .containsEntry("resolutionSlaHours", 40);
    assertThat(single(Category.BILLING, CustomerTier.PLATINUM)).containsEntry("severity", "HIGH");
    assertThat(classify(Category.BILLING, Channel.PHONE, CustomerTier.SILVER, 12_000, 0).getSingleResult().getEntryMap())
        .containsEntry("severity", "HIGH");
  }

  @Test
  void staffBehaviourIsHighForPremiumCustomers() {
    assertThat(single(Category.STAFF_BEHAVIOUR, CustomerTier.GOLD))
        .containsEntry("severity", "HIGH").containsEntry("handlerGroup", "team-service");
    assertThat(single(Category.STAFF_BEHAVIOUR, CustomerTier.SILVER)).containsEntry("severity", "MEDIUM");
  }

  @Test
  void delaysAreLowUnlessPlatinumPublicOrRepeated() {
    assertThat(single(Category.DELAY, CustomerTier.STANDARD))
        .containsEntry("severity", "LOW").containsEntry("handlerGroup", "team-logistics")
        .containsEntry("firstResponseSlaHours", 16).containsEntry("resolutionSlaHours", 80);
    assertThat(single(Category.DELAY, CustomerTier.PLATINUM)).containsEntry("severity", "MEDIUM");
    assertThat(classify(Category.DELAY, Channel.SOCIAL_MEDIA, CustomerTier.STANDARD, 0, 0).getSingleResult()
        .getEntryMap()).containsEntry("severity", "MEDIUM");
    assertThat(classify(Category.DELAY, Channel.WEB, CustomerTier.STANDARD, 0, 3).getSingleResult().getEntryMap())
        .containsEntry("severity", "MEDIUM");
    assertThat(classify(Category.DELAY, Channel.WEB, CustomerTier.STANDARD, 0, 2).getSingleResult().getEntryMap())
        .containsEntry("severity", "LOW");
  }

  @Test
  void serviceQualityIsLowUnlessPlatinumPublicOrRepeated() {
    assertThat(single(Category.SERVICE_QUALITY, CustomerTier.GOLD))
        .containsEntry("severity", "LOW").containsEntry("handlerGroup", "team-service");
    assertThat(single(Category.SERVICE_QUALITY, CustomerTier.PLATINUM)).containsEntry("severity", "MEDIUM");
    assertThat(classify(Category.SERVICE_QUALITY, Channel.SOCIAL_MEDIA, CustomerTier.SILVER, 0, 0).getSingleResult()
        .getEntryMap()).containsEntry("severity", "MEDIUM");
    assertThat(classify(Category.SERVICE_QUALITY, Channel.EMAIL, CustomerTier.SILVER, 0, 4).getSingleResult()
        .getEntryMap()).containsEntry("severity", "MEDIUM");
  }

  @ParameterizedTest
  @EnumSource(CustomerTier.class)
  void otherMatchesNoRuleSoDispatchersTriage(CustomerTier tier) {
    assertThat(classify(Category.OTHER, Channel.PHONE, tier, 100, 0).getResultList()).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("everyNamedCategoryChannelAndTier")
  void everyNamedCategoryChannelAndTierIsClassified(Category category, Channel channel, CustomerTier tier) {
    Map<String, Object> result = classify(category, channel, tier, 0, 0).getSingleResult().getEntryMap();
    assertThat(result.get("severity")).isNotNull();
    assertThat(HandlerGroups.ALL).contains((String) result.get("handlerGroup"));
    assertThat((Integer) result.get("firstResponseSlaHours")).isPositive()
        .isLessThanOrEqualTo((Integer) result.get("resolutionSlaHours"));
  }

  static Stream<Arguments> everyNamedCategoryChannelAndTier() {
    return Arrays.stream(Category.values()).filter(c -> c != Category.OTHER)
        .flatMap(category -> Arrays.stream(Channel.values()).flatMap(channel -> Arrays.stream(CustomerTier.values())
            .map(tier -> Arguments.of(category, channel, tier))));
  }
}
