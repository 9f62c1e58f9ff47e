package com.redress.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.redress.identity.Groups;
import com.redress.support.ApplicationTest;
import com.redress.support.Handling;
import com.redress.support.Http;
import com.redress.support.Jobs;
import com.redress.support.TestUsers;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The customer's pages over plain HTTP, as a browser without JavaScript uses them: the web
 * complaint form, the status page behind the e-mailed link, the survey. Escaped, token-protected.
 */
class CustomerPagesTest extends ApplicationTest {

  private static final String FORM = "application/x-www-form-urlencoded";

  @Autowired JdbcTemplate jdbc;

  private static final String BODY = """
      {"customer": {"id": "C-PAGE-1", "name": "Li Wei", "email": "li.wei@example.com", "tier": "GOLD"},
       "channel": "WEB", "category": "SAFETY", "subject": "Sparks <script>alert(1)</script>",
       "description": "The socket sparked."}
      """;

  @Test
  void statusLinkShowsTheComplaintInPlainWords() {
    JsonNode created = Http.json(http.postJson("/api/complaints", BODY));
    String reference = created.get("reference").asText();
    String token = created.get("accessToken").asText();
    assertThat(http.get("/complaints/" + reference + "?token=" + token).body())
        .contains("We have received your complaint.");
    Jobs.continueAfterRegistration(engine, reference);

    HttpResponse<String> page = http.get("/complaints/" + reference + "?token=" + created.get("accessToken").asText());

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
    assertThat(page.body()).contains("Complaint " + reference)
        .contains("A specialist team is working on your complaint.")
        .contains("We aim to resolve it by")
        .contains("Sparks &lt;script&gt;alert(1)&lt;/script&gt;")
        .doesNotContain("<script>");
  }

  @Test
  void wrongTokenAndUnknownReferenceLookTheSame() {
    String reference = Http.json(http.postJson("/api/complaints", BODY)).get("reference").asText();

    HttpResponse<String> wrong = http.get("/complaints/" + reference + "?token=guess");
    HttpResponse<String> unknown = http.get("/complaints/CMP-1999-000001?token=guess");

    assertThat(wrong.statusCode()).isEqualTo(404);
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(wrong.body()).isEqualTo(unknown.body()).contains("Complaint not found").doesNotContain(reference);
  }

  @Test
  void complaintFormWorksWithoutJavascript() {
    HttpResponse<String> page = http.get("/complaints/new", "text/html");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("<form").contains("name=\"email\"").contains("name=\"category\"")
        .contains("name=\"submissionId\"").doesNotContain("<script");
  }

  @Test
  void submittedFormRegistersAWebComplaintAndOpensItsStatusPage() {
    String submission = "submissionId=" + UUID.randomUUID() + "&name=Li+Wei&email=Li.Wei.Page%40example.com"
        + "&category=DAMAGE&subject=Vase+broken&description=The+cleaner+broke+my+vase."
        + "&orderReference=ORD-PAGE-1&orderAmount=800.00&orderCurrency=CNY&occurredAt=2026-11-20T10%3A15";

    HttpResponse<String> posted = http.post("/complaints", FORM, submission);
    HttpResponse<String> again = http.post("/complaints", FORM, submission);

    assertThat(posted.statusCode()).isEqualTo(302);
    String location = posted.headers().firstValue("Location").orElseThrow();
    assertThat(location).matches(".*/complaints/CMP-\\d{4}-\\d{6}\\?token=[^&]+&notice=submitted");
    String reference = location.replaceAll(".*/complaints/([^?]+)\\?.*", "$1");
    assertThat(again.headers().firstValue("Location").orElseThrow()).as("a double click is one complaint")
        .contains("/complaints/" + reference + "?");
    HttpResponse<String> edited = http.post("/complaints", FORM, submission.replace("Vase+broken", "Vase+and+lamp+broken"));
    assertThat(edited.statusCode()).as("back, edit, send again").isEqualTo(422);
    assertThat(edited.body()).contains("already sent with other content").contains("Vase and lamp broken")
        .doesNotContain(submission.substring("submissionId=".length(), submission.indexOf('&')));
    assertThat(jdbc.queryForMap("SELECT channel, customer_id, customer_tier, order_amount, occurred_at FROM complaint"
        + " WHERE reference = ?", reference))
        .containsEntry("CHANNEL", "WEB").containsEntry("CUSTOMER_ID", "li.wei.page@example.com")
        .containsEntry("CUSTOMER_TIER", "STANDARD");
    HttpResponse<String> status = http.get(location.substring(location.indexOf("/complaints/")), "text/html");
    assertThat(status.body()).contains("Thank you. We have received your complaint.")
        .contains("We received your complaint.");
  }

  @Test
  void incompleteFormIsShownAgainWithTheReasonsAndNothingIsStored() {
    long before = jdbc.queryForObject("SELECT COUNT(*) FROM complaint", Long.class);

    HttpResponse<String> refused = http.post("/complaints", FORM, "submissionId=" + UUID.randomUUID()
        + "&name=&email=not-an-address&category=DAMAGE&subject=Vase&description=&orderAmount=-3&orderCurrency=CNY");

    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("please correct the fields marked below")
        .contains("must be an e-mail address").contains("value=\"not-an-address\"").contains("is required");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM complaint", Long.class)).isEqualTo(before);
  }

  @Test
  void surveyPageTakesTheAnswerAndTheStatusPageTellsTheHistory() {
    JsonNode created = Http.json(http.postJson("/api/complaints", BODY));
    String reference = created.get("reference").asText();
    String token = created.get("accessToken").asText();
    Jobs.continueAfterRegistration(engine, reference);
    Handling.resolve(engine, reference, TestUsers.ensure(engine.getIdentityService(), "page-handler",
        Groups.TEAM_SAFETY));
    String survey = "/complaints/" + reference + "/survey";

    assertThat(http.get(survey + "?token=" + token, "text/html").body()).contains("name=\"score\"")
        .contains(Handling.RESOLUTION);
    HttpResponse<String> badScore = http.post(survey, FORM, "token=" + token + "&score=9");
    assertThat(badScore.statusCode()).isEqualTo(400);
    assertThat(badScore.body()).contains("must be a whole number from 1 to 5");
    for (String noAccess : new String[] {"token=guess&score=2", "token=guess&score=9", "score=9"}) {
      HttpResponse<String> refused = http.post(survey, FORM, noAccess);
      assertThat(refused.statusCode()).as(noAccess).isEqualTo(404);
      assertThat(refused.body()).as("nothing of the complaint without its token").doesNotContain(Handling.RESOLUTION)
          .doesNotContain(reference);
    }

    HttpResponse<String> answered = http.post(survey, FORM, "token=" + token + "&score=2&comment=Still+sparks");
    assertThat(answered.statusCode()).isEqualTo(302);
    Jobs.continueAfterSurvey(engine, reference);
    HttpResponse<String> twice = http.post(survey, FORM, "token=" + token + "&score=5");
    assertThat(twice.statusCode()).isEqualTo(409);
    assertThat(twice.body()).contains("is not resolved yet");

    String status = http.get("/complaints/" + reference + "?token=" + token + "&notice=answered", "text/html").body();
    assertThat(status).contains("Thank you for your answer.")
        .contains("We are looking into your complaint again.")
        .contains("We received your complaint.")
        .contains("We resolved your complaint.")
        .contains("You rated our handling 2 of 5.")
        .contains("You were not satisfied, so a supervisor is looking into it again.");
  }
}
