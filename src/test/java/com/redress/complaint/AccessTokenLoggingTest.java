package com.redress.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.redress.support.ApplicationTest;
import com.redress.support.Http;
import com.redress.support.Jobs;
import com.redress.support.Submissions;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A complaint's access token is the customer's only key: it goes into the e-mailed link and
 * nowhere else. Through submission, the acknowledgement e-mail, the status page, the API, and
 * refused attempts with a wrong or truncated token, the application's log never shows it, and
 * the page that has it in its address sends no Referer to other sites.
 */
@ExtendWith(OutputCaptureExtension.class)
class AccessTokenLoggingTest extends ApplicationTest {

  @Test
  void theAccessTokenReachesNeitherTheLogNorAnotherSite(CapturedOutput output) {
    Http http = new Http(port);
    HttpResponse<String> created = http.postJson("/api/complaints", Submissions.valid("DAMAGE", "GOLD"));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode complaint = Http.json(created);
    String reference = complaint.get("reference").asText();
    String token = complaint.get("accessToken").asText();
    Jobs.continueAfterRegistration(engine, reference); // classification and the acknowledgement e-mail

    HttpResponse<String> page = http.get("/complaints/" + reference + "?token=" + token, "text/html");
    assertThat(page.statusCode()).isEqualTo(200);
    // and no link on the page hands it to another site
    assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
    assertThat(http.get("/api/complaints/" + reference + "?token=" + token).statusCode()).isEqualTo(200);
    String truncated = token.substring(0, token.length() - 1);
    assertThat(http.get("/complaints/" + reference + "?token=" + truncated, "text/html").statusCode()).isEqualTo(404);
    assertThat(http.get("/api/complaints/" + reference + "?token=" + truncated).statusCode()).isBetween(400, 499);
    assertThat(http.postJson("/api/complaints/" + reference + "/survey",
        "{\"token\": \"" + truncated + "\", \"score\": 5}").statusCode()).isBetween(400, 499);

    assertThat(output.getAll()).doesNotContain(token).doesNotContain(truncated);
  }
}
