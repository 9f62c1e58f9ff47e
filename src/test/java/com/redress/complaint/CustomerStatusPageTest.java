package com.redress.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.redress.support.ApplicationTest;
import com.redress.support.Http;
import com.redress.support.Jobs;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The page behind the e-mailed status link: readable without JavaScript, escaped, token-protected. */
class CustomerStatusPageTest extends ApplicationTest {

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
}
