package com.redress.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.redress.identity.Groups;
import com.redress.shared.AppClock;
import com.redress.support.ApplicationTest;
import com.redress.support.HandBuiltPeriod;
import com.redress.support.Http;
import com.redress.support.TestUsers;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The month's KPIs as Prometheus gauges, for signed-in managers only. */
class KpiMetricsTest extends ApplicationTest {

  @Autowired JdbcTemplate jdbc;
  @Autowired KpiMetrics metrics;
  @Autowired AppClock clock;

  @Test
  void theMonthsFiguresAreGaugesOnThePrometheusEndpoint() {
    LocalDate today = clock.nowInBusinessZone().toLocalDate();
    // a team of its own, so other tests' complaints this month do not change its figures
    HandBuiltPeriod.closed(jdbc, today, List.of(), "team-metrics", "WEB", 1800, 7200, true, 4, 5, 0, false, false);
    HandBuiltPeriod.closed(jdbc, today, List.of(), "team-metrics", "WEB", 3600, 36000, false, 4, 3, 0, false, false);
    metrics.refresh();
    String operator = TestUsers.ensure(engine.getIdentityService(), "metrics-operator", Groups.CAMUNDA_ADMIN);

    HttpResponse<String> scrape = new Http(port).as(operator, TestUsers.PASSWORD).get("/actuator/prometheus", "text/plain");

    assertThat(scrape.statusCode()).isEqualTo(200);
    assertThat(scrape.body())
        .contains("redress_kpi_closed{key=\"team-metrics\",scope=\"team\"} 2.0")
        // nearest rank over 7200 and 36000 s: the median is the first, p90 the second
        .contains("redress_kpi_resolution_median_hours{key=\"team-metrics\",scope=\"team\"} 2.0")
        .contains("redress_kpi_resolution_p90_hours{key=\"team-metrics\",scope=\"team\"} 10.0")
        .contains("redress_kpi_sla_breach_rate{key=\"team-metrics\",scope=\"team\"} 0.5")
        .contains("redress_kpi_csat{key=\"team-metrics\",scope=\"team\"} 4.0")
        .contains("redress_kpi_money{currency=\"CNY\",figure=\"compensation_budget\"}");
  }

  @Test
  void onlyAdministratorsMayScrape() {
    String handler = TestUsers.ensure(engine.getIdentityService(), "metrics-handler", Groups.TEAM_BILLING);
    String manager = TestUsers.ensure(engine.getIdentityService(), "metrics-manager", Groups.SERVICE_MANAGERS);

    assertThat(new Http(port).as(handler, TestUsers.PASSWORD).get("/actuator/prometheus").statusCode()).isEqualTo(403);
    assertThat(new Http(port).as(manager, TestUsers.PASSWORD).get("/actuator/prometheus").statusCode()).isEqualTo(403);
    assertThat(new Http(port).get("/actuator/prometheus").statusCode()).isNotEqualTo(200);
    assertThat(new Http(port).get("/actuator/health").statusCode()).isEqualTo(200);
  }
}
