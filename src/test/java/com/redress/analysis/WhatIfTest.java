package com.redress.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.redress.complaint.Category;
import com.redress.complaint.ComplaintService;
import com.redress.complaint.CustomerTier;
import com.redress.identity.Groups;
import com.redress.support.ApplicationTest;
import com.redress.support.Complaints;
import com.redress.support.HandBuiltPeriod;
import com.redress.support.Http;
import com.redress.support.Jobs;
import com.redress.support.TestUsers;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A changed decision replayed on a hand-built period of closed complaints: the counts, groups and
 * money of the report equal figures computed by hand from the rules, and nothing live changes.
 */
class WhatIfTest extends ApplicationTest {

  private static final String BOUNDARY = "----RedressWhatIf";

  @Autowired IdentityService identity;
  @Autowired RepositoryService repository;
  @Autowired ComplaintService complaints;
  @Autowired JdbcTemplate jdbc;

  @BeforeEach
  void users() {
    TestUsers.ensure(identity, "ana-analyst", Groups.PROCESS_ANALYSTS);
    TestUsers.ensure(identity, "hal-handler", "team-billing");
  }

  /** March 2097 for classification, April 2097 for compensation: periods no other test uses. */
  private static final LocalDate MARCH = LocalDate.parse("2097-03-01");
  private static final LocalDate APRIL = LocalDate.parse("2097-04-01");

  @Test
  void aStricterRepeatComplainantRuleDowngradesExactlyTheRepeatComplainants() throws IOException {
    String repeat3 = HandBuiltPeriod.classified(jdbc, MARCH.plusDays(2), "DELAY", "STANDARD", 3, "MEDIUM", "team-logistics", 8, 40, "ComplaintClassification");
    HandBuiltPeriod.classified(jdbc, MARCH.plusDays(3), "DELAY", "STANDARD", 1, "LOW", "team-logistics", 16, 80, "ComplaintClassification");
    String repeat4 = HandBuiltPeriod.classified(jdbc, MARCH.plusDays(4), "DELAY", "STANDARD", 4, "MEDIUM", "team-logistics", 8, 40, "ComplaintClassification");
    HandBuiltPeriod.classified(jdbc, MARCH.plusDays(5), "BILLING", "STANDARD", 0, "MEDIUM", "team-billing", 8, 40, "ComplaintClassification");
    HandBuiltPeriod.classified(jdbc, MARCH.plusDays(6), "DELAY", "STANDARD", null, "LOW", "team-logistics", 16, 80, "ComplaintClassification");
    HandBuiltPeriod.classified(jdbc, MARCH.plusDays(7), "OTHER", "STANDARD", 0, "HIGH", "team-service", 4, 24, "dora-dispatcher");
    // repeat complainants need 5 complaints in 90 days instead of 3
    String changed = Files.readString(Path.of("processes/ComplaintClassification.dmn")).replace("&gt;= 3", "&gt;= 5");
    long decisionsBefore = repository.createDecisionDefinitionQuery().count();

    JsonNode report = replay(changed, MARCH, MARCH.plusDays(30));

    assertThat(report.get("decision").asText()).isEqualTo("ComplaintClassification");
    assertThat(report.get("cases").asInt()).isEqualTo(6);
    assertThat(report.get("skipped").asInt()).isEqualTo(1);
    assertThat(report.get("failed").asInt()).isZero();
    assertThat(report.get("changed").asInt()).isEqualTo(2);
    assertThat(groups(report)).containsExactly(
        "severity LOW 1 3 0", "severity MEDIUM 3 1 2", "severity no rule (triage) 1 1 0",
        "team no rule (triage) 1 1 0", "team team-billing 1 1 0", "team team-logistics 3 3 2");
    assertThat(figures(report)).containsExactly("complaints left to triage 1 1 0");
    JsonNode cases = report.get("changedCases");
    assertThat(cases.findValuesAsText("reference")).containsExactly(repeat3, repeat4);
    assertThat(cases.get(0).at("/before/severity").asText()).isEqualTo("MEDIUM");
    assertThat(cases.get(0).at("/after/severity").asText()).isEqualTo("LOW");
    assertThat(cases.get(0).at("/after/resolutionSlaHours").asInt()).isEqualTo(80);
    assertThat(repository.createDecisionDefinitionQuery().count()).as("nothing deployed").isEqualTo(decisionsBefore);
  }

  @Test
  void aHigherHandlerAuthorityMovesApprovalsAndMoney() throws IOException {
    String a = compensated(APRIL.plusDays(1), "VOUCHER", "300.00", "0.00", "MEDIUM", 1, "SUPERVISOR", "supervisors", false, "250.00");
    compensated(APRIL.plusDays(2), "REFUND", "150.00", "0.00", "LOW", 0, "HANDLER", "", false, "150.00");
    compensated(APRIL.plusDays(3), "VOUCHER", "400.00", "0.00", "MEDIUM", 2, "SERVICE_MANAGER", "service-managers", false, null);
    compensated(APRIL.plusDays(4), "REFUND", "450.00", "0.00", "LOW", 2, "SERVICE_MANAGER", "service-managers", false, "450.00");
    String e = compensated(APRIL.plusDays(5), "DISCOUNT", "250.00", "100.00", "MEDIUM", 1, "SUPERVISOR", "supervisors,finance", true, "250.00");
    compensated(APRIL.plusDays(6), "REFUND", "100.00", null, "LOW", 0, "HANDLER", "", false, "100.00");
    // handlers may grant up to 500 within the recommended range (was 200): the first rule only
    String changed = Files.readString(Path.of("processes/CompensationPolicy.dmn"))
        .replaceFirst("<text>&lt;= 200</text>", Matcher.quoteReplacement("<text>&lt;= 500</text>"));

    JsonNode report = replay(changed, APRIL, APRIL.plusDays(29));

    assertThat(report.get("decision").asText()).isEqualTo("CompensationPolicy");
    assertThat(report.get("cases").asInt()).isEqualTo(6);
    assertThat(report.get("skipped").asInt()).isEqualTo(1);
    assertThat(report.get("changed").asInt()).isEqualTo(2);
    // A moves to the handler and is issued as proposed (+50); E keeps finance (over budget) and its amount
    assertThat(figures(report)).containsExactly("approval tasks 5 3 -2",
        "proposals within the handler's own authority 1 2 1", "compensation issued (CNY) 1100.00 1150.00 50.00");
    assertThat(groups(report)).contains("bandName HANDLER 1 3 0", "bandName SUPERVISOR 2 0 2",
        "bandName SERVICE_MANAGER 2 2 0", "severity MEDIUM 3 3 2", "severity LOW 2 2 0");
    JsonNode cases = report.get("changedCases");
    assertThat(cases.findValuesAsText("reference")).containsExactly(a + "/0", e + "/0");
    assertThat(cases.get(1).at("/before/approvers").asText()).isEqualTo("supervisors then finance");
    assertThat(cases.get(1).at("/after/approvers").asText()).isEqualTo("finance");
  }

  @Test
  void badRequestsAreRefusedNamingTheField() {
    HttpResponse<String> noFile = post("ana-analyst", null, "2097-03-01", "2097-02-01");

    assertThat(noFile.statusCode()).isEqualTo(400);
    assertThat(Http.json(noFile).get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("decision", "to");
    HttpResponse<String> notDmn = post("ana-analyst", "<definitions/>", "2097-03-01", "2097-03-31");
    assertThat(notDmn.statusCode()).isEqualTo(400);
    assertThat(Http.json(notDmn).get("errors").findValuesAsText("field")).containsExactly("decision");
    HttpResponse<String> farOff = post("ana-analyst", "<definitions/>", "+999999999-12-01", "2097-03-31");
    assertThat(farOff.statusCode()).isEqualTo(400);
    assertThat(Http.json(farOff).get("errors").findValuesAsText("field")).contains("from");
    assertThat(post("hal-handler", "<x/>", "2097-03-01", "2097-03-31").statusCode()).isEqualTo(403);
  }

  @Test
  void aDecisionInJuelIsRefusedAndRunsNothing(@TempDir Path folder) throws IOException {
    Path marker = folder.resolve("owned");
    String juel = Files.readString(Path.of("processes/ComplaintClassification.dmn")).replace(
        "<inputExpression id=\"InputExpression_Category\" typeRef=\"string\">\n          <text>category</text>",
        "<inputExpression id=\"InputExpression_Category\" typeRef=\"string\" expressionLanguage=\"juel\">\n"
            + "          <text>${''.getClass().forName('java.lang.Runtime').getMethod('getRuntime').invoke(null)"
            + ".exec('touch " + marker + "')}</text>");
    assertThat(juel).contains("expressionLanguage=\"juel\"");

    HttpResponse<String> response = post("ana-analyst", juel, MARCH.toString(), APRIL.minusDays(1).toString());

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(Http.json(response).at("/errors/0/field").asText()).isEqualTo("decision");
    assertThat(Http.json(response).at("/errors/0/message").asText())
        .contains("FEEL only").contains("InputExpression_Category").contains("juel");
    assertThat(marker).doesNotExist();
  }

  @Test
  void registrationRecordsTheInputsAReplayNeeds() {
    String reference = complaints.submit(Complaints.of(Category.DELAY, CustomerTier.STANDARD), null, null).reference();
    Jobs.continueAfterRegistration(engine, reference);

    assertThat(jdbc.queryForObject("SELECT complaints_last_90_days FROM complaint WHERE reference = ?",
        Integer.class, reference)).isNotNull();
  }

  private JsonNode replay(String dmn, LocalDate from, LocalDate to) {
    HttpResponse<String> started = post("ana-analyst", dmn, from.toString(), to.toString());
    assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
    String location = started.headers().firstValue("Location").orElseThrow();
    JsonNode run = Http.json(new Http(port).as("ana-analyst", TestUsers.PASSWORD).get(location + "?wait=30"));
    assertThat(run.get("status").asText()).as(run.toString()).isEqualTo("DONE");
    assertThat(run.get("processed").asInt()).isEqualTo(run.get("total").asInt());
    return run.get("report");
  }

  private HttpResponse<String> post(String user, String dmn, String from, String to) {
    StringBuilder body = new StringBuilder();
    if (dmn != null) {
      body.append("--").append(BOUNDARY).append("\r\nContent-Disposition: form-data; name=\"decision\"; filename=\"x.dmn\"\r\n")
          .append("Content-Type: application/xml\r\n\r\n").append(dmn).append("\r\n");
    }
    for (String[] field : List.of(new String[] {"from", from}, new String[] {"to", to})) {
      body.append("--").append(BOUNDARY).append("\r\nContent-Disposition: form-data; name=\"").append(field[0])
          .append("\"\r\n\r\n").append(field[1]).append("\r\n");
    }
    body.append("--").append(BOUNDARY).append("--\r\n");
    return new Http(port).as(user, TestUsers.PASSWORD).post("/api/analysis/what-if",
        "multipart/form-data; boundary=" + BOUNDARY, body.toString());
  }

  private String compensated(LocalDate closed, String type, String amount, String granted, String severity, int band,
      String bandName, String approvers, boolean overBudget, String issued) {
    String reference = HandBuiltPeriod.classified(jdbc, closed, "DAMAGE", "STANDARD", 0, severity, "team-logistics", 8, 40,
        "ComplaintClassification");
    String id = reference + "/0";
    jdbc.update("""
        INSERT INTO compensation (id, complaint_reference, round, compensation_type, amount, currency, reason,
          proposed_by, proposed_at, team, budget_month, band, band_name, approver_groups, over_budget,
          current_amount, status, updated_at, granted_last_90_days)
        VALUES (?, ?, 0, ?, ?, 'CNY', 'hand-built', 'hal-handler', ?, 'team-logistics', ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        id, reference, type, new BigDecimal(amount), closed.atTime(9, 0).atOffset(java.time.ZoneOffset.ofHours(8)),
        closed.toString().substring(0, 7), band, bandName, approvers, overBudget,
        new BigDecimal(issued == null ? amount : issued), issued == null ? "REJECTED" : "ISSUED",
        closed.atTime(9, 0).atOffset(java.time.ZoneOffset.ofHours(8)), granted == null ? null : new BigDecimal(granted));
    if (issued != null) {
      jdbc.update("INSERT INTO compensation_issue (compensation_id, kind, code, amount, currency, issued_at)"
          + " VALUES (?, 'VOUCHER', ?, ?, 'CNY', ?)", id, "WHATIF-" + reference, new BigDecimal(issued),
          closed.atTime(10, 0).atOffset(java.time.ZoneOffset.ofHours(8)));
    }
    return reference;
  }

  private static List<String> groups(JsonNode report) {
    List<String> groups = new ArrayList<>();
    report.get("groups").forEach(g -> groups.add(g.get("dimension").asText() + " " + g.get("value").asText() + " "
        + g.get("before").asInt() + " " + g.get("after").asInt() + " " + g.get("changed").asInt()));
    return groups;
  }

  private static List<String> figures(JsonNode report) {
    List<String> figures = new ArrayList<>();
    report.get("figures").forEach(f -> figures.add(f.get("name").asText() + " " + f.get("before").asText() + " "
        + f.get("after").asText() + " " + f.get("delta").asText()));
    return figures;
  }
}
