package com.redress.award;

import static org.assertj.core.api.Assertions.assertThat;

import com.redress.complaint.ComplaintHandlingProcess;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The text earlier award forms read fits the engine's text variable, however many handlers are ranked. */
class EarlierAwardModelsTest {

  @Test
  void aRankingOfTwoHundredHandlersFitsWithHowManyAreLeftOut() {
    List<Map<String, Object>> rows = IntStream.rangeClosed(1, 200).mapToObj(EarlierAwardModelsTest::row).toList();

    String text = EarlierAwardModels.asText(rows, "Total: 12 000.00 CNY");

    assertThat(text.length()).isLessThanOrEqualTo(ComplaintHandlingProcess.TEXT_VARIABLE_ROOM);
    assertThat(text).startsWith("1 · handler-1 · 4.85 · 37").contains("\n2 · handler-2 · ")
        .containsPattern("… and \\d+ more: the award run's page shows them all\nTotal: 12 000.00 CNY$");
  }

  @Test
  void aShortRankingIsWholeWithItsLastLine() {
    assertThat(EarlierAwardModels.asText(List.of(row(1), row(2)), "Total: 1.00 CNY"))
        .isEqualTo("1 · handler-1 · 4.85 · 37\n2 · handler-2 · 4.85 · 37\nTotal: 1.00 CNY");
    assertThat(EarlierAwardModels.asText(List.of(row(1)), null)).isEqualTo("1 · handler-1 · 4.85 · 37");
  }

  @Test
  void aRowWithLongReasonsIsCutAndTheOthersStillShow() {
    Map<String, Object> nominated = row(1);
    nominated.put("note", "x".repeat(3_900));

    String text = EarlierAwardModels.asText(List.of(nominated, row(2)), "y".repeat(5_000));

    assertThat(text.length()).isLessThanOrEqualTo(ComplaintHandlingProcess.TEXT_VARIABLE_ROOM);
    assertThat(text).startsWith("1 · handler-1 · xxx").contains(" …\n2 · handler-2 · 4.85 · 37\nyyy").endsWith(" …");
    assertThat(EarlierAwardModels.asText(List.of(), null)).isEmpty();
  }

  private static Map<String, Object> row(int rank) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("rank", rank);
    row.put("handler", "handler-" + rank);
    row.put("note", "");
    row.put("score", "4.85");
    row.put("closed", 37);
    return row;
  }
}
