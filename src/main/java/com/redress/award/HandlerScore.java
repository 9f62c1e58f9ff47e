package com.redress.award;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * One handler's score for a period, from the complaints it counts. Components are normalised to
 * 0..1: timeliness is the share within SLA, quality (mean QA − 1) / 4, satisfaction (mean CSAT − 1)
 * / 4 over answered surveys only, innovation min(flags, cap) / cap. The score is 100 × the weighted
 * mean of the components that have data.
 */
public record HandlerScore(String handler, List<Counted> complaints, int withinSla, BigDecimal timeliness,
    BigDecimal quality, int answered, BigDecimal satisfaction, int innovation, BigDecimal score) {

  /** A complaint as the score counts it, from its KPI record. */
  public record Counted(String reference, boolean resolutionSlaMet, int qualityScore, Integer csat,
      boolean innovative) {
  }

  private static final int SCALE = 10;

  static HandlerScore of(String handler, List<Counted> complaints, AwardSettings settings) {
    int n = complaints.size();
    int withinSla = (int) complaints.stream().filter(Counted::resolutionSlaMet).count();
    BigDecimal timeliness = ratio(withinSla, n);
    BigDecimal quality = mean(complaints.stream().mapToInt(Counted::qualityScore).sum(), n);
    List<Integer> answers = complaints.stream().map(Counted::csat).filter(c -> c != null).toList();
    BigDecimal satisfaction = answers.isEmpty() ? null
        : mean(answers.stream().mapToInt(Integer::intValue).sum(), answers.size());
    int innovation = (int) complaints.stream().filter(Counted::innovative).count();

    AwardSettings.Weights w = settings.weights();
    BigDecimal weighted = BigDecimal.valueOf(w.timeliness()).multiply(timeliness)
        .add(BigDecimal.valueOf(w.quality()).multiply(fromOneToFive(quality)))
        .add(BigDecimal.valueOf(w.innovation()).multiply(ratio(Math.min(innovation, settings.innovationCap()),
            settings.innovationCap())));
    int weights = w.timeliness() + w.quality() + w.innovation();
    if (satisfaction != null) {
      weighted = weighted.add(BigDecimal.valueOf(w.satisfaction()).multiply(fromOneToFive(satisfaction)));
      weights += w.satisfaction();
    }
    BigDecimal score = weighted.multiply(BigDecimal.valueOf(100))
        .divide(BigDecimal.valueOf(weights), 2, RoundingMode.HALF_UP);
    return new HandlerScore(handler, List.copyOf(complaints), withinSla, timeliness.setScale(4, RoundingMode.HALF_UP),
        quality.setScale(2, RoundingMode.HALF_UP), answers.size(),
        satisfaction == null ? null : satisfaction.setScale(2, RoundingMode.HALF_UP), innovation, score);
  }

  private static BigDecimal ratio(int part, int whole) {
    return BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), SCALE, RoundingMode.HALF_UP);
  }

  private static BigDecimal mean(int sum, int count) {
    return BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(count), SCALE, RoundingMode.HALF_UP);
  }

  private static BigDecimal fromOneToFive(BigDecimal mean) {
    return mean.subtract(BigDecimal.ONE).divide(BigDecimal.valueOf(4), SCALE, RoundingMode.HALF_UP);
  }
}
