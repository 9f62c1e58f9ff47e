package com.redress.complaint;

import static com.redress.identity.Groups.AUDITORS;
import static com.redress.identity.Groups.AWARD_COMMITTEE;
import static com.redress.identity.Groups.CAMUNDA_ADMIN;
import static com.redress.identity.Groups.DISPATCHERS;
import static com.redress.identity.Groups.FINANCE;
import static com.redress.identity.Groups.INTAKE_AGENTS;
import static com.redress.identity.Groups.PRIVACY_OFFICERS;
import static com.redress.identity.Groups.PROCESS_ANALYSTS;
import static com.redress.identity.Groups.QUALITY_REVIEWERS;
import static com.redress.identity.Groups.SERVICE_MANAGERS;
import static com.redress.identity.Groups.SUPERVISORS;
import static com.redress.identity.Groups.TEAM_BILLING;
import static com.redress.identity.Groups.TEAM_LOGISTICS;
import static com.redress.identity.Groups.TEAM_SAFETY;
import static com.redress.identity.Groups.TEAM_SERVICE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.redress.identity.Groups;
import com.redress.language.Language;
import com.redress.language.Phrase;
import com.redress.shared.Money;
import com.redress.support.ApplicationTest;
import com.redress.support.Handling;
import com.redress.support.Http;
import com.redress.support.Jobs;
import com.redress.support.TestUsers;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Need-to-know access to complaints (docs/security.md §3), every group against the list and the
 * single read of four complaints in different hands: who reads which, and how much of the
 * customer each sees. A complaint a reader may not read answers 404, as an unknown one does.
 */
class ComplaintAccessTest extends ApplicationTest {

  private static final String EMAIL = "wang.fang@example.com";
  private static final String PHONE = "+86 138 0013 8000";
  private static final List<String> GROUPS =
      Stream.concat(Groups.ALL.stream(), Stream.of(CAMUNDA_ADMIN)).toList();

  @Autowired ComplaintService complaints;
  @Autowired IdentityService identity;

  @Test
  void everyGroupReadsTheComplaintsItsWorkNeedsAndSeesTheCustomerAsMuchAsItNeeds() {
    String run = UUID.randomUUID().toString().substring(0, 6);
    Map<String, String> users = new LinkedHashMap<>();
    GROUPS.forEach(group -> users.put(group, TestUsers.ensure(identity, "access-" + run + "-" + group, group)));

    // at team-safety's handling task, recorded on the phone by the intake agent
    String safety = submit(Category.SAFETY, users.get(INTAKE_AGENTS));
    // handled by the billing team's member, a refund waiting for approval
    String billing = submit(Category.BILLING, null);
    Handling.resolveWithCompensation(engine, billing, users.get(TEAM_BILLING), "REFUND", "300.00",
        "Charged twice for the same month.");
    Handling.runDueJobs(engine, billing);
    // no rule classifies it: waiting for a dispatcher
    String triage = submit(Category.OTHER, null);
    // resolved by the service team, the survey open: on its way to the quality review
    String resolved = submit(Category.SERVICE_QUALITY, null);
    Handling.resolve(engine, resolved, users.get(TEAM_SERVICE));
    Handling.runDueJobs(engine, resolved);
    assertThat(complaints.get(billing).status()).isEqualTo(ComplaintStatus.AWAITING_APPROVAL);
    assertThat(complaints.get(triage).status()).isEqualTo(ComplaintStatus.TRIAGE);
    assertThat(complaints.get(resolved).status()).isEqualTo(ComplaintStatus.AWAITING_FEEDBACK);

    Set<String> all = Set.of(safety, billing, triage, resolved);
    Map<String, Set<String>> expected = new LinkedHashMap<>();
    expected.put(INTAKE_AGENTS, Set.of(safety));
    expected.put(DISPATCHERS, Set.of(triage));
    expected.put(TEAM_SERVICE, Set.of(resolved));
    expected.put(TEAM_BILLING, Set.of(billing));
    expected.put(TEAM_LOGISTICS, Set.of());
    expected.put(TEAM_SAFETY, Set.of(safety));
    expected.put(SUPERVISORS, all);
    expected.put(SERVICE_MANAGERS, all);
    expected.put(FINANCE, Set.of(billing));
    expected.put(QUALITY_REVIEWERS, Set.of(resolved));
    expected.put(AWARD_COMMITTEE, Set.of());
    expected.put(AUDITORS, all);
    expected.put(PROCESS_ANALYSTS, Set.of());
    expected.put(PRIVACY_OFFICERS, all);
    expected.put(CAMUNDA_ADMIN, all);

    Map<String, Set<String>> listed = new LinkedHashMap<>();
    Map<String, Set<String>> read = new LinkedHashMap<>();
    for (String group : GROUPS) {
      Http caller = http.as(users.get(group), TestUsers.PASSWORD);
      listed.put(group, listed(caller, all));
      Set<String> readable = new HashSet<>();
      for (String reference : all) {
        HttpResponse<String> single = caller.get("/api/complaints/" + reference);
        assertThat(single.statusCode()).as("%s reads %s", group, reference).isIn(200, 404);
        if (single.statusCode() == 200) {
          readable.add(reference);
        } else {
          assertThat(single.body()).as("a refused read is an unknown reference")
              .contains(Phrase.COMPLAINT_NOT_FOUND.english());
        }
      }
      read.put(group, readable);
    }
    assertThat(read).isEqualTo(expected);
    assertThat(listed).isEqualTo(expected);

    // the customer in full where the reader may have to call back, masked elsewhere, an id for finance
    assertThat(customer(users.get(TEAM_SAFETY), safety)).isEqualTo("Wang Fang|" + EMAIL + "|" + PHONE);
    assertThat(customer(users.get(SUPERVISORS), safety)).isEqualTo("Wang Fang|" + EMAIL + "|" + PHONE);
    assertThat(customer(users.get(CAMUNDA_ADMIN), safety)).contains(EMAIL);
    assertThat(customer(users.get(PRIVACY_OFFICERS), safety)).contains(EMAIL);
    String masked = "Wang Fang|wa***@example.com|+86 138 **** 8000";
    assertThat(customer(users.get(SERVICE_MANAGERS), safety)).isEqualTo(masked);
    assertThat(customer(users.get(AUDITORS), safety)).isEqualTo(masked);
    assertThat(customer(users.get(INTAKE_AGENTS), safety)).isEqualTo(masked);
    assertThat(customer(users.get(TEAM_BILLING), billing)).contains(EMAIL);
    JsonNode forFinance = Http.json(http.as(users.get(FINANCE), TestUsers.PASSWORD).get("/api/complaints/" + billing));
    assertThat(customer(forFinance)).isEqualTo("null|null|null");
    assertThat(forFinance.has("description")).as("finance does not read what the customer wrote").isFalse();
    assertThat(forFinance.at("/staff/proposedCompensation/amount/amount").asText()).isEqualTo("300.00");

    // lists show contact details masked to everyone, finance an id
    JsonNode row = row(http.as(users.get(SUPERVISORS), TestUsers.PASSWORD), safety);
    assertThat(customer(row)).isEqualTo("Wang Fang|wa***@example.com|+86 138 **** 8000");
    assertThat(customer(row(http.as(users.get(FINANCE), TestUsers.PASSWORD), billing)))
        .isEqualTo("null|null|null");
  }

  @Test
  void financeSeesTheCustomerAsAnIdWhereOnlyACompensationLetsItReadTheComplaintWhateverItsOtherGroups() {
    String run = UUID.randomUUID().toString().substring(0, 6);
    String both = TestUsers.ensure(identity, "access-fin-int-" + run, FINANCE, INTAKE_AGENTS);
    String billingHandler = TestUsers.ensure(identity, "access-bill-" + run, TEAM_BILLING);
    String recorded = submit(Category.DELAY, both);
    String compensated = submit(Category.BILLING, null);
    Handling.resolveWithCompensation(engine, compensated, billingHandler, "REFUND", "120.00", "Charged twice.");
    Handling.runDueJobs(engine, compensated);

    assertThat(customer(both, recorded)).isEqualTo("Wang Fang|wa***@example.com|+86 138 **** 8000");
    assertThat(customer(both, compensated)).isEqualTo("null|null|null");
    assertThat(customer(row(http.as(both, TestUsers.PASSWORD), compensated))).isEqualTo("null|null|null");
  }

  @Test
  void theListCountsWhatTheReaderMayReadAndNothingElse() {
    String run = UUID.randomUUID().toString().substring(0, 6);
    String reviewer = TestUsers.ensure(identity, "access-count-" + run, QUALITY_REVIEWERS);
    String analyst = TestUsers.ensure(identity, "access-count-pa-" + run, PROCESS_ANALYSTS);
    submit(Category.SAFETY, null);

    JsonNode forReviewer = Http.json(http.as(reviewer, TestUsers.PASSWORD).get("/api/complaints?size=100"));
    long readable = 0;
    for (JsonNode item : forReviewer.get("items")) {
      assertThat(item.get("status").asText()).isIn("AWAITING_FEEDBACK", "RESOLVED");
      readable++;
    }
    assertThat(forReviewer.get("totalElements").asLong()).isEqualTo(readable);
    JsonNode forAnalyst = Http.json(http.as(analyst, TestUsers.PASSWORD).get("/api/complaints"));
    assertThat(forAnalyst.get("totalElements").asLong()).isZero();
    assertThat(forAnalyst.get("items")).isEmpty();
  }

  private String submit(Category category, String recordedBy) {
    String unique = UUID.randomUUID().toString().substring(0, 8);
    String reference = complaints.submit(new NewComplaint(
        new NewComplaint.Customer("C-" + unique, "Wang Fang", EMAIL, PHONE, CustomerTier.STANDARD), Channel.PHONE,
        category, "Something went wrong", "I live at 12 Hill Road; the technician broke the door.", "ORD-" + unique,
        new Money(new BigDecimal("800.00"), "CNY"), null, recordedBy, Language.EN), null, null).reference();
    Jobs.continueAfterRegistration(engine, reference);
    return reference;
  }

  /** The complaints of {@code mine} that the caller's list holds, paging through all of it. */
  private static Set<String> listed(Http caller, Set<String> mine) {
    Set<String> found = new HashSet<>();
    long total = 0;
    long seen = 0;
    for (int page = 0; page == 0 || seen < total; page++) {
      JsonNode body = Http.json(caller.get("/api/complaints?size=100&page=" + page));
      total = body.get("totalElements").asLong();
      for (JsonNode item : body.get("items")) {
        seen++;
        if (mine.contains(item.get("reference").asText())) {
          found.add(item.get("reference").asText());
        }
      }
      if (body.get("items").isEmpty()) {
        break;
      }
    }
    assertThat(seen).as("the count is the number of complaints listed").isEqualTo(total);
    return found;
  }

  private static JsonNode row(Http caller, String reference) {
    for (int page = 0; ; page++) {
      JsonNode items = Http.json(caller.get("/api/complaints?size=100&page=" + page)).get("items");
      assertThat(items).as("%s is listed", reference).isNotEmpty();
      for (JsonNode item : items) {
        if (item.get("reference").asText().equals(reference)) {
          return item;
        }
      }
    }
  }

  private String customer(String user, String reference) {
    return customer(Http.json(http.as(user, TestUsers.PASSWORD).get("/api/complaints/" + reference)));
  }

  private static String customer(JsonNode complaint) {
    JsonNode c = complaint.at("/staff/customer");
    assertThat(c.path("id").asText()).as("every reader sees whose complaint it is, as an id").startsWith("C-");
    return String.join("|", text(c, "name"), text(c, "email"), text(c, "phone"));
  }

  private static String text(JsonNode node, String field) {
    return node.hasNonNull(field) ? node.get(field).asText() : "null";
  }
}
