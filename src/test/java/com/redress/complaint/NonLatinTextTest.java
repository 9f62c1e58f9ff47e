package com.redress.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.redress.identity.Groups;
import com.redress.shared.Hashing;
import com.redress.support.Http;
import com.redress.support.Jobs;
import com.redress.support.PostgresApplicationTest;
import com.redress.support.StaffSession;
import com.redress.support.TestUsers;
import jakarta.mail.internet.MimeMessage;
import java.io.StringReader;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.util.HtmlUtils;

/**
 * Chinese and other non-Latin text, with HTML, script and SQL in it, on PostgreSQL: the customer's
 * name, subject and description, the handler's resolution (through the Tasklist form's REST call)
 * and the survey comment come back unchanged from the API and the database, appear escaped and
 * intact on the customer's page and in the e-mails (UTF-8 MIME parts), in the audit timeline and
 * in its CSV export.
 */
class NonLatinTextTest extends PostgresApplicationTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String NAME = "李伟 Łukasz Müller-Ødegård";
  private static final String SUBJECT = "清洁时打碎了花瓶 🏺 <script>alert('x')</script>";
  private static final String DESCRIPTION = "客厅里的花瓶被打碎了。\n\"><img src=x onerror=alert(1)> ' OR 1=1 -- ; مرحبا";
  private static final String RESOLUTION = "已更换花瓶并致歉 <b>bold</b> & 'quotes' — Ünïcødé ✓";
  private static final String COMMENT = "服务很好，谢谢！<script>x()</script>";

  @Autowired JdbcTemplate jdbc;

  @Test
  void nonLatinAndHostileTextRoundTripsEverywhereAndIsEscapedWhereItIsShown() throws Exception {
    String handler = TestUsers.ensure(engine.getIdentityService(), "unicode-handler", Groups.TEAM_LOGISTICS);
    String auditor = TestUsers.ensure(engine.getIdentityService(), "unicode-auditor", Groups.AUDITORS);
    int mailsBefore = mailsSoFar();
    // a customer who has followed a link from one of our mails before: they may be quoted (ConfirmedAddresses)
    jdbc.update("INSERT INTO confirmed_address (email_hash, confirmed_at) SELECT ?, CURRENT_TIMESTAMP"
        + " WHERE NOT EXISTS (SELECT 1 FROM confirmed_address WHERE email_hash = ?)",
        Hashing.sha256Hex("li.wei@example.com"), Hashing.sha256Hex("li.wei@example.com"));

    HttpResponse<String> created = http.postJson("/api/complaints", JSON.writeValueAsString(Map.of(
        "customer", Map.of("id", "C-UNICODE-1", "name", NAME, "email", "li.wei@example.com", "tier", "STANDARD"),
        "channel", "WEB", "category", "DAMAGE", "subject", SUBJECT, "description", DESCRIPTION,
        "orderReference", "ORD-统一码-1", "orderAmount", Map.of("amount", "800.00", "currency", "CNY"),
        "occurredAt", "2026-11-20T10:15:00+08:00")));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String reference = Http.json(created).get("reference").asText();
    String token = Http.json(created).get("accessToken").asText();

    JsonNode read = Http.json(http.get("/api/complaints/" + reference + "?token=" + token));
    assertThat(read.get("subject").asText()).isEqualTo(SUBJECT);
    assertThat(read.get("description").asText()).isEqualTo(DESCRIPTION);
    Map<String, Object> row = jdbc.queryForMap(
        "SELECT customer_name, subject, description, order_reference FROM complaint WHERE reference = ?", reference);
    assertThat(row).containsEntry("customer_name", NAME).containsEntry("subject", SUBJECT)
        .containsEntry("description", DESCRIPTION).containsEntry("order_reference", "ORD-统一码-1");

    Jobs.continueAfterRegistration(engine, reference);
    Jobs.deliverMessages(engine, reference);
    String acknowledgement = htmlOfMailAbout(reference, mailsBefore, "received");
    assertThat(acknowledgement).contains(escaped(NAME)).contains(escaped(SUBJECT))
        .doesNotContain("<script>alert").doesNotContain("<img src=x");

    // the handler writes the resolution in Tasklist's form: the same REST call
    Http asHandler = http.as(handler, TestUsers.PASSWORD);
    String taskId = Http.json(asHandler.get("/engine-rest/task?maxResults=10&processInstanceBusinessKey=" + reference))
        .get(0).get("id").asText();
    assertThat(asHandler.postJson("/engine-rest/task/" + taskId + "/claim", "{\"userId\": \"" + handler + "\"}")
        .statusCode()).isEqualTo(204);
    HttpResponse<String> submitted = asHandler.postJson("/engine-rest/task/" + taskId + "/submit-form",
        JSON.writeValueAsString(Map.of("variables", Map.of("rootCause", Map.of("value", "STAFF_ERROR"),
            "resolution", Map.of("value", RESOLUTION), "serviceFailureAcknowledged", Map.of("value", true),
            "compensationType", Map.of("value", "NONE")))));
    assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(204);
    Jobs.continueAfter(engine, reference, ComplaintHandlingProcess.TASK_HANDLE);
    Jobs.deliverMessages(engine, reference);
    assertThat(htmlOfMailAbout(reference, mailsBefore, "resolved")).contains(escaped(RESOLUTION))
        .doesNotContain("<b>bold</b>");

    HttpResponse<String> answered = http.postJson("/api/complaints/" + reference + "/survey",
        JSON.writeValueAsString(Map.of("token", token, "score", 5, "comment", COMMENT)));
    assertThat(answered.statusCode()).as(answered.body()).isEqualTo(202);
    read = Http.json(http.get("/api/complaints/" + reference + "?token=" + token));
    assertThat(read.at("/resolution/text").asText()).isEqualTo(RESOLUTION);
    assertThat(read.at("/survey/comment").asText()).isEqualTo(COMMENT);

    String page = http.get("/complaints/" + reference + "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8),
        "text/html").body();
    assertThat(page).contains(escaped(SUBJECT)).contains(escaped(RESOLUTION)).doesNotContain("<script>alert")
        .doesNotContain("<b>bold</b>");

    Http asAuditor = http.as(auditor, TestUsers.PASSWORD);
    assertThat(texts(Http.json(asAuditor.get("/api/audit/complaints/" + reference + "/timeline"))))
        .contains(RESOLUTION);
    HttpResponse<String> download = asAuditor.get("/api/audit/complaints/" + reference + "/timeline", "text/csv");
    // Excel as used in China opens a CSV file as UTF-8 only when it starts with the byte order mark
    assertThat(download.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
        assertThat(type.toLowerCase()).contains("charset=utf-8"));
    assertThat(download.body()).startsWith("\uFEFFseq,time,");
    List<CSVRecord> csv = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(new StringReader(download.body())).getRecords();
    // the audit search finds the complaint by the customer's name, Chinese characters and all
    StaffSession staff = new StaffSession(port);
    staff.signIn(auditor, TestUsers.PASSWORD);
    assertThat(staff.get("/audit?customer=" + URLEncoder.encode("李伟 Łukasz", StandardCharsets.UTF_8)).body())
        .contains(reference);
    assertThat(csv).anySatisfy(record -> assertThat(String.join(" ", record.toList())).contains(RESOLUTION));
    assertThat(csv).anySatisfy(record -> assertThat(String.join(" ", record.toList())).contains(COMMENT));
    assertThat(Http.json(asAuditor.get("/api/audit/integrity?reference=" + reference)).get("verified").asBoolean())
        .isTrue();
  }

  /** The HTML part of the mail about {@code reference} whose subject has {@code word}, decoded from its MIME charset. */
  private static String htmlOfMailAbout(String reference, int mailsBefore, String word) throws Exception {
    MimeMessage mail = mailsSince(mailsBefore).stream()
        .filter(m -> subject(m).contains(reference) && subject(m).contains(word)).findFirst().orElseThrow(
            () -> new AssertionError("no mail about " + reference + " with '" + word + "'"));
    String html = html(mail.getContent());
    assertThat(html).as("decoded as UTF-8").doesNotContain("\uFFFD");
    return html;
  }

  private static String html(Object content) throws Exception {
    if (content instanceof String text) {
      return text;
    }
    jakarta.mail.Multipart multipart = (jakarta.mail.Multipart) content;
    for (int i = 0; i < multipart.getCount(); i++) {
      jakarta.mail.BodyPart part = multipart.getBodyPart(i);
      if (part.isMimeType("text/html")) {
        assertThat(part.getContentType()).containsIgnoringCase("charset=UTF-8");
        return (String) part.getContent();
      }
      if (part.getContent() instanceof jakarta.mail.Multipart nested) {
        return html(nested);
      }
    }
    throw new AssertionError("no HTML part");
  }

  /** Every text value anywhere in {@code node}. */
  private static List<String> texts(JsonNode node) {
    List<String> texts = new java.util.ArrayList<>();
    if (node.isTextual()) {
      texts.add(node.asText());
    }
    node.elements().forEachRemaining(child -> texts.addAll(texts(child)));
    return texts;
  }

  /** As Thymeleaf writes text into HTML: markup characters escaped, everything else as it is. */
  private static String escaped(String text) {
    return HtmlUtils.htmlEscape(text, "UTF-8");
  }
}
