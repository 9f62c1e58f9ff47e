package com.redress.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.redress.identity.Groups;
import com.redress.support.ApplicationTest;
import com.redress.support.TestUsers;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An unterminated multipart body is the caller's mistake: 400 on every endpoint that reads forms, never a 500. */
class MalformedMultipartTest extends ApplicationTest {

  private static final String UNTERMINATED = "--x\r\nContent-Disposition: form-data; name=\"decision\";"
      + " filename=\"a.dmn\"\r\nContent-Type: application/xml\r\n\r\n<definitions";

  @Test
  void anUnterminatedMultipartBodyIsRefusedWith400() {
    TestUsers.ensure(engine.getIdentityService(), "multipart-ana", Groups.PROCESS_ANALYSTS);
    for (String path : List.of("/api/complaints", "/complaints", "/complaints/CMP-2026-000001/survey",
        "/api/analysis/what-if")) {
      HttpResponse<String> response = http.as("multipart-ana", TestUsers.PASSWORD)
          .post(path, "multipart/form-data; boundary=x", UNTERMINATED);

      assertThat(response.statusCode()).as(path + ": " + response.body()).isBetween(400, 499);
    }
  }
}
