package com.redress.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.redress.complaint.Category;
import com.redress.complaint.Channel;
import com.redress.complaint.ComplaintHandlingProcess;
import com.redress.complaint.ComplaintService;
import com.redress.complaint.CustomerTier;
import com.redress.complaint.NewComplaint;
import com.redress.identity.Groups;
import com.redress.language.Language;
import com.redress.shared.Money;
import com.redress.support.ApplicationTest;
import com.redress.support.Http;
import com.redress.support.Jobs;
import com.redress.support.TestUsers;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A privacy officer finds a customer, exports everything held about them and corrects their contact details. */
class CustomerRightsTest extends ApplicationTest {

  private static final String EMAIL = "huang.ting@example.com";

  @Autowired ComplaintService complaints;
  @Autowired IdentityService identity;

  private String run;
  private String officer;
  private String customer;
  private final List<String> references = new ArrayList<>();

  @BeforeEach
  void twoComplaintsOfOneCustomer() {
    run = UUID.randomUUID().toString().substring(0, 6);
    officer = TestUsers.ensure(identity, "rights-officer-" + run, Groups.PRIVACY_OFFICERS);
    customer = "C-RIGHTS-" + run;
    for (Category category : List.of(Category.DAMAGE, Category.BILLING)) {
      String reference = complaints.submit(new NewComplaint(
          new NewComplaint.Customer(customer, "Huang Ting", EMAIL, "+86 139 1234 5678", CustomerTier.GOLD),
          Channel.EMAIL, category, "Vase broken", "The cleaner broke the vase at 8 Garden Lane.",
          "ORD-" + run + category.ordinal(), new Money(new BigDecimal("300.00"), "CNY"), null, null, Language.EN), null, null)
          .reference();
      Jobs.continueAfterRegistration(engine, reference);
      Jobs.deliverMessages(engine, reference);
      references.add(reference);
    }
  }

  @Test
  void theExportHoldsTheComplaintsTheMessagesAndWhoLookedAtThem() {
    String handler = TestUsers.ensure(identity, "rights-handler-" + run, Groups.TEAM_LOGISTICS);
    // damaged goods go to the logistics team: its handler reads the complaint
    assertThat(http.as(handler, TestUsers.PASSWORD).get("/api/complaints/" + references.get(0)).statusCode())
        .isEqualTo(200);

    JsonNode found = Http.json(officer().get("/api/privacy/customers?email=" + EMAIL.toUpperCase()));
    assertThat(found.get("customerIds").toString()).isEqualTo("[\"" + customer + "\"]");

    JsonNode export = Http.json(officer().get("/api/privacy/customers/" + customer));
    assertThat(export.get("customerId").asText()).isEqualTo(customer);
    List<String> exported = new ArrayList<>();
    export.get("complaints").forEach(c -> exported.add(c.get("reference").asText() + " "
        + c.at("/staff/customer/email").asText() + " " + c.at("/staff/customer/phone").asText() + " "
        + c.get("description").asText()));
    assertThat(exported).containsExactly(
        references.get(0) + " " + EMAIL + " +86 139 1234 5678 The cleaner broke the vase at 8 Garden Lane.",
        references.get(1) + " " + EMAIL + " +86 139 1234 5678 The cleaner broke the vase at 8 Garden Lane.");
    assertThat(export.get("surveys").fieldNames()).toIterable().containsExactly(references.get(0), references.get(1));
    assertThat(export.get("compensations").fieldNames()).toIterable()
        .containsExactly(references.get(0), references.get(1));
    List<String> messages = new ArrayList<>();
    export.get("messages").forEach(m -> messages.add(m.get("complaint").asText() + " " + m.get("recipient").asText()
        + " " + m.get("status").asText()));
    assertThat(messages).contains(references.get(0) + " " + EMAIL + " SENT", references.get(1) + " " + EMAIL + " SENT");
    assertThat(export.at("/messages/0/bodyHtml").asText()).contains(references.get(0))
        .as("the links' access tokens are credentials, not the customer's data").contains("token=(left out)")
        .doesNotContainPattern("token=[A-Za-z0-9_-]{16,}");
    List<String> readers = new ArrayList<>();
    export.get("reads").forEach(r -> readers.add(r.get("actor").asText() + " " + r.at("/details/endpoint").asText()));
    assertThat(readers).as("telling whose address it is was a read too")
        .containsExactly(handler + " GET /api/complaints/{reference}", officer + " GET /api/privacy/customers?email=");

    // the export was a read of both complaints too
    JsonNode again = Http.json(officer().get("/api/privacy/customers/" + customer));
    assertThat(again.get("reads")).hasSize(4);
    assertThat(again.at("/reads/3/actor").asText()).isEqualTo(officer);
    assertThat(again.at("/reads/3/details/endpoint").asText()).isEqualTo("GET /api/privacy/customers/{customerId}");

    HttpResponse<String> page = officer().get("/privacy/customers/" + customer, "text/html");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains(references.get(0), references.get(1), EMAIL, "8 Garden Lane", handler);
    assertThat(officer().get("/privacy?customer=" + EMAIL, "text/html").body())
        .contains("/privacy/customers/" + customer);
    HttpResponse<String> download = officer().get("/privacy/customers/" + customer + "/export.json");
    assertThat(download.headers().firstValue("Content-Disposition")).hasValueSatisfying(
        value -> assertThat(value).contains("attachment"));
    assertThat(Http.json(download).get("complaints")).hasSize(2);
  }

  @Test
  void aCorrectionChangesTheContactDetailsEverywhereAndEachComplaintRecordsItWithoutTheValues() {
    // a third complaint whose acknowledgement still waits in the outbox (not delivered yet)
    String waiting = complaints.submit(new NewComplaint(
        new NewComplaint.Customer(customer, "Huang Ting", EMAIL, "+86 139 1234 5678", CustomerTier.GOLD),
        Channel.EMAIL, Category.DELAY, "Late again", "The parcel came three days late.", "ORD-" + run + "W",
        new Money(new BigDecimal("80.00"), "CNY"), null, null, Language.EN), null, null).reference();
    Jobs.continueAfterRegistration(engine, waiting);
    references.add(waiting);

    HttpResponse<String> corrected = officer().put("/api/privacy/customers/" + customer + "/contact",
        "{\"name\": \"Huang Tingting\", \"email\": \"ting.huang@example.com\"}");
    assertThat(corrected.statusCode()).isEqualTo(200);
    assertThat(Http.json(corrected).get("corrected").toString()).isEqualTo("[\"name\",\"email\"]");

    JsonNode export = Http.json(officer().get("/api/privacy/customers/" + customer));
    List<String> waitingTo = new ArrayList<>();
    export.get("messages").forEach(m -> waitingTo.add(m.get("complaint").asText() + " " + m.get("status").asText()
        + " " + m.get("recipient").asText()));
    assertThat(waitingTo).as("a message not yet sent goes to the corrected address; sent ones say where they went")
        .contains(waiting + " PENDING ting.huang@example.com", references.get(0) + " SENT " + EMAIL);
    for (String reference : references) {
      assertThat(complaints.get(reference).customer().email()).isEqualTo("ting.huang@example.com");
      assertThat(complaints.get(reference).customer().name()).isEqualTo("Huang Tingting");
      assertThat(complaints.get(reference).customer().phone()).isEqualTo("+86 139 1234 5678");
      JsonNode story = Http.json(http.as(TestUsers.ensure(identity, "rights-auditor-" + run, Groups.AUDITORS),
          TestUsers.PASSWORD).get("/api/audit/complaints/" + reference + "/timeline"));
      JsonNode correction = null;
      for (JsonNode entry : story) {
        if (entry.get("type").asText().equals("customer-contact-corrected")) {
          correction = entry;
        }
      }
      assertThat(correction).as("the correction is in the story of %s", reference).isNotNull();
      assertThat(correction.get("actor").asText()).isEqualTo(officer);
      assertThat(correction.get("details").toString()).contains("name", "email").doesNotContain("ting.huang");
      // the handling task shows the name from the case's variable
      String processInstance = engine.getRuntimeService().createProcessInstanceQuery()
          .processInstanceBusinessKey(reference).processDefinitionKey(ComplaintHandlingProcess.KEY).singleResult()
          .getId();
      assertThat(engine.getRuntimeService().getVariable(processInstance,
          ComplaintHandlingProcess.CUSTOMER_NAME.name())).isEqualTo("Huang Tingting");
    }
  }

  @Test
  void anEmptyEmailOrPhoneRemovesItAndWithdrawsTheMessagesWaitingForIt() {
    String waiting = complaints.submit(new NewComplaint(
        new NewComplaint.Customer(customer, "Huang Ting", EMAIL, "+86 139 1234 5678", CustomerTier.GOLD),
        Channel.EMAIL, Category.DELAY, "Late again", "The parcel came three days late.", "ORD-" + run + "R",
        new Money(new BigDecimal("80.00"), "CNY"), null, null, Language.EN), null, null).reference();
    Jobs.continueAfterRegistration(engine, waiting);

    HttpResponse<String> removed = officer().put("/api/privacy/customers/" + customer + "/contact",
        "{\"email\": \"\", \"phone\": \" \"}");

    assertThat(removed.statusCode()).as(removed.body()).isEqualTo(200);
    assertThat(Http.json(removed).get("corrected").toString()).isEqualTo("[\"email\",\"phone\"]");
    assertThat(complaints.get(waiting).customer().email()).isNull();
    assertThat(complaints.get(references.get(0)).customer().phone()).isNull();
    assertThat(complaints.get(waiting).customer().name()).isEqualTo("Huang Ting");
    JsonNode export = Http.json(officer().get("/api/privacy/customers/" + customer));
    List<String> statuses = new ArrayList<>();
    export.get("messages").forEach(m -> statuses.add(m.get("complaint").asText() + " " + m.get("status").asText()));
    assertThat(statuses).as("nothing waits for an address that is gone").contains(waiting + " WITHDRAWN")
        .doesNotContain(waiting + " PENDING");
    assertThat(officer().put("/api/privacy/customers/" + customer + "/contact", "{\"name\": \"\"}").statusCode())
        .as("a name cannot be removed").isEqualTo(400);
  }

  @Test
  void badCorrectionsAndUnknownCustomersAreRefusedAndOnlyPrivacyOfficersGetIn() {
    HttpResponse<String> badEmail = officer().put("/api/privacy/customers/" + customer + "/contact",
        "{\"email\": \"not an address\"}");
    assertThat(badEmail.statusCode()).isEqualTo(400);
    assertThat(badEmail.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(badEmail.body()).contains("\"email\"");
    assertThat(officer().put("/api/privacy/customers/" + customer + "/contact", "{}").statusCode()).isEqualTo(400);
    assertThat(complaints.get(references.get(0)).customer().email()).isEqualTo(EMAIL);

    assertThat(officer().get("/api/privacy/customers/C-NOBODY-" + run).statusCode()).isEqualTo(404);
    assertThat(officer().put("/api/privacy/customers/C-NOBODY-" + run + "/contact", "{\"phone\": \"110\"}")
        .statusCode()).isEqualTo(404);

    String auditor = TestUsers.ensure(identity, "rights-auditor-" + run, Groups.AUDITORS);
    assertThat(http.as(auditor, TestUsers.PASSWORD).get("/api/privacy/customers/" + customer).statusCode())
        .isEqualTo(403);
    assertThat(http.as(auditor, TestUsers.PASSWORD).get("/privacy/customers/" + customer, "text/html").statusCode())
        .isEqualTo(403);
  }

  private Http officer() {
    return http.as(officer, TestUsers.PASSWORD);
  }
}
