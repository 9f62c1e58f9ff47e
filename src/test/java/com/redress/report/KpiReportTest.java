package com.redress.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.redress.identity.Groups;
import com.redress.support.ApplicationTest;
import com.redress.support.HandBuiltPeriod;
import com.redress.support.Http;
import com.redress.support.TestUsers;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code GET /api/reports/kpis} on a hand-built March 2017, every figure computed by hand. */
class KpiReportTest extends ApplicationTest {

  @Autowired JdbcTemplate jdbc;

  @Test
  void figuresOfAHandBuiltPeriodEqualTheHandComputedOnes() {
    LocalDate march = LocalDate.of(2017, 3, 15);
    // logistics over the web: first response 10, 20, 30, 60, 120 minutes; resolution 1, 2, 3, 4, 10 hours
    long[][] logistics = {{600, 3600}, {1200, 7200}, {1800, 10800}, {3600, 14400}, {7200, 36000}};
    Integer[] csat = {5, 4, null, 3, 5};
    for (int i = 0; i < 5; i++) {
      HandBuiltPeriod.closed(jdbc, march, List.of("kpi-handler"), "team-logistics", "WEB", logistics[i][0],
          logistics[i][1], i != 4, 4, csat[i], i == 2 ? 1 : 0, i == 4, false);
    }
    HandBuiltPeriod.closed(jdbc, march, List.of("kpi-billing"), "team-billing", "PHONE", 600, 3600, true, 4, 2, 0,
        false, false);
    // the 31 days before: CSAT 3 and 3
    for (int i = 0; i < 2; i++) {
      HandBuiltPeriod.closed(jdbc, LocalDate.of(2017, 2, 15), List.of("kpi-handler"), "team-logistics", "WEB", 600,
          3600, true, 4, 3, 0, false, false);
    }

    String manager = TestUsers.ensure(engine.getIdentityService(), "kpi-manager", Groups.SERVICE_MANAGERS);
    JsonNode report = Http.json(http.as(manager, TestUsers.PASSWORD)
        .get("/api/reports/kpis?from=2017-03-01&to=2017-03-31"));

    assertThat(report.get("received").asLong()).isEqualTo(6);
    JsonNode total = report.get("total");
    assertThat(total.get("closed").asLong()).isEqualTo(6);
    // six first responses 600 600 1200 1800 3600 7200 s: median (3rd) 1200 s, p90 (6th) 7200 s
    assertThat(total.get("firstResponseMedianHours").decimalValue()).isEqualByComparingTo("0.33");
    assertThat(total.get("firstResponseP90Hours").decimalValue()).isEqualByComparingTo("2.00");
    // resolutions 3600 3600 7200 10800 14400 36000 s: median 7200 s, p90 36000 s
    assertThat(total.get("resolutionMedianHours").decimalValue()).isEqualByComparingTo("2.00");
    assertThat(total.get("resolutionP90Hours").decimalValue()).isEqualByComparingTo("10.00");
    assertThat(total.get("slaBreachRate").decimalValue()).isEqualByComparingTo("0.1667");
    assertThat(total.get("csat").decimalValue()).isEqualByComparingTo("3.80");
    assertThat(total.get("surveysAnswered").asLong()).isEqualTo(5);
    assertThat(total.get("reopenRate").decimalValue()).isEqualByComparingTo("0.1667");
    // not reopened and not escalated: 4 of 6
    assertThat(total.get("firstContactResolutionRate").decimalValue()).isEqualByComparingTo("0.6667");
    assertThat(report.get("csatPreviousPeriod").decimalValue()).isEqualByComparingTo("3.00");
    assertThat(report.get("csatTrend").decimalValue()).isEqualByComparingTo("0.80");

    JsonNode team = report.at("/byTeam/team-logistics");
    assertThat(team.get("closed").asLong()).isEqualTo(5);
    assertThat(team.get("firstResponseMedianHours").decimalValue()).isEqualByComparingTo("0.50");
    assertThat(team.get("resolutionMedianHours").decimalValue()).isEqualByComparingTo("3.00");
    assertThat(team.get("slaBreachRate").decimalValue()).isEqualByComparingTo("0.2000");
    assertThat(team.get("csat").decimalValue()).isEqualByComparingTo("4.25");
    assertThat(report.at("/byChannel/PHONE/csat").decimalValue()).isEqualByComparingTo("2.00");

    String csv = http.as(manager, TestUsers.PASSWORD).get("/api/reports/kpis?from=2017-03-01&to=2017-03-31",
        "text/csv").body();
    assertThat(csv).startsWith("\uFEFFscope,key,closed,first_response_median_h")
        .contains("total,,6,0.33,2.00,2.00,10.00,0.00,0.1667,3.80,5,0.1667,0.6667")
        .contains("team,team-logistics,5,0.50,2.00,3.00,10.00,0.00,0.2000,4.25,4,0.2000,0.6000")
        .contains("channel,PHONE,1,");

    // the dashboard shows the rates as percentages, not as 0.1667
    String page = http.as(manager, TestUsers.PASSWORD).get("/reports/kpis?from=2017-03-01&to=2017-03-31", "text/html")
        .body();
    String totals = page.substring(page.indexOf("<table id=\"totals\">"), page.indexOf("</table>"));
    assertThat(totals).contains("<td>16.7%</td>").contains("<td>66.7%</td>").doesNotContain("0.1667");
  }

  @Test
  void badPeriodsAndOtherRolesAreRefused() {
    String manager = TestUsers.ensure(engine.getIdentityService(), "kpi-manager", Groups.SERVICE_MANAGERS);
    Http asManager = http.as(manager, TestUsers.PASSWORD);
    assertThat(asManager.get("/api/reports/kpis?from=2017-03-31&to=2017-03-01").statusCode()).isEqualTo(400);
    assertThat(Http.json(asManager.get("/api/reports/kpis?from=March&to=2017-03-01")).at("/errors/0/field").asText())
        .isEqualTo("from");
    String handler = TestUsers.ensure(engine.getIdentityService(), "kpi-handler-user", Groups.TEAM_BILLING);
    assertThat(http.as(handler, TestUsers.PASSWORD).get("/api/reports/kpis?from=2017-03-01&to=2017-03-31")
        .statusCode()).isEqualTo(403);
  }
}
