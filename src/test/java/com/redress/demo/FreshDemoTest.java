package com.redress.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.redress.support.Http;
import com.redress.support.RedressNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A newcomer's first start, as the README's first command gives it (demo profile, embedded database,
 * nothing stored yet, a JVM of its own): every demo user of the README's table has something to act
 * on, last month's award run is published with scores that recompute from their breakdowns, and the
 * KPI dashboard has data for each of the last three months.
 */
class FreshDemoTest {

  private static final ZoneId BUSINESS_ZONE = ZoneId.of("Asia/Shanghai");
  /** What each user who works in Tasklist finds waiting, as the README's demo table says. */
  private static final Map<String, List<String>> TASKS = Map.of(
      "dan", List.of("Triage complaint"),
      "sara", List.of("Handle complaint"), "bill", List.of("Handle complaint"), "leo", List.of("Handle complaint"),
      "sam", List.of("Handle complaint"),
      "sue", List.of("Handle complaint", "Approve compensation"),
      "max", List.of("Approve compensation"), "fiona", List.of("Approve compensation"),
      "quinn", List.of("Review handling quality"), "carla", List.of("Decide objection"));

  @Test
  void everyPersonaFindsWorkAndLastMonthTellsItsStory(@TempDir Path directory) throws Exception {
    try (RedressNode node = RedressNode.startEmbedded("fresh-demo", directory, RedressNode.freePort())) {
      assertThat(node.logged()).as("the whole story was told").contains("complaints in flight")
          .doesNotContain("The demo story stopped");
      TASKS.forEach((user, expected) -> assertThat(Http.json(as(node, user).get("/engine-rest/task?maxResults=50"
          + "&candidateUser=" + user + "&includeAssignedTasks=true")).findValuesAsText("name"))
          .as(user + "'s tasks").containsAll(expected));
      // the intake agent records phone complaints with the start form; auditors and analysts read pages
      assertThat(Http.json(as(node, "ivy").get("/engine-rest/process-definition?latestVersion=true"
          + "&startableInTasklist=true&startablePermissionCheck=true&maxResults=15")).findValuesAsText("key"))
          .contains("ComplaintHandling");
      assertThat(as(node, "audrey").get("/audit?status=CLOSED", "text/html").body()).contains("CMP-");
      assertThat(as(node, "ana").get("/analysis/what-if", "text/html").statusCode()).isEqualTo(200);
      assertThat(as(node, "pia").get("/privacy?customer=li.wei", "text/html").statusCode()).isEqualTo(200);

      YearMonth thisMonth = YearMonth.now(BUSINESS_ZONE);
      JsonNode run = Http.json(as(node, "carla").get("/api/award-runs/AWARD-" + thisMonth.minusMonths(1)));
      assertThat(run.get("status").asText()).isEqualTo("PUBLISHED");
      assertThat(run.get("objections").findValuesAsText("decision")).contains("DISMISSED");
      assertThat(run.get("nominations").findValuesAsText("kind")).contains("INNOVATION");
      assertThat(run.get("scores")).allSatisfy(score -> assertThat(recomputed(score))
          .as(score.get("handler").asText()).isEqualByComparingTo(score.get("score").decimalValue()));
      assertThat(run.get("scores").findValuesAsText("rank")).isNotEmpty();

      for (int back = 1; back <= 3; back++) {
        YearMonth month = thisMonth.minusMonths(back);
        JsonNode kpis = Http.json(as(node, "max").get("/api/reports/kpis?from=" + month.atDay(1) + "&to="
            + month.atEndOfMonth()));
        assertThat(kpis.at("/total/closed").asInt()).as("closed in " + month).isGreaterThan(0);
      }
      System.out.printf("[measurement] first demo start (story included): %.1f s%n",
          node.startUp().toMillis() / 1000.0);
    }
  }

  private static Http as(RedressNode node, String user) {
    return node.http().as(user, "demo");
  }

  /**
   * The score from the complaints it counts, as docs/awards describes it: timeliness, quality,
   * satisfaction (answered surveys only) and innovation (capped at 3), weighted 30/30/30/10.
   */
  private static BigDecimal recomputed(JsonNode score) {
    List<JsonNode> counted = new ArrayList<>();
    score.get("counted").forEach(counted::add);
    double n = counted.size();
    double timely = counted.stream().filter(c -> c.get("resolutionSlaMet").asBoolean()).count() / n;
    double quality = (counted.stream().mapToInt(c -> c.get("qualityScore").asInt()).average().orElseThrow() - 1) / 4;
    double innovation = Math.min(3, counted.stream().filter(c -> c.get("innovative").asBoolean()).count()) / 3.0;
    List<Integer> answers = counted.stream().filter(c -> c.hasNonNull("csat")).map(c -> c.get("csat").asInt()).toList();
    double weighted = 30 * timely + 30 * quality + 10 * innovation;
    double weights = 70;
    if (!answers.isEmpty()) {
      weighted += 30 * (answers.stream().mapToInt(Integer::intValue).average().orElseThrow() - 1) / 4;
      weights += 30;
    }
    return new BigDecimal(100 * weighted / weights, MathContext.DECIMAL64).setScale(2, java.math.RoundingMode.HALF_UP);
  }
}
