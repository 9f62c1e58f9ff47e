package com.redress.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

class ApiExceptionHandlerTest {

  @Test
  void unexpectedFailureAnswersA500ProblemWithoutInternals() {
    ResponseEntity<Object> response = new ApiExceptionHandler()
        .unexpected(new IllegalStateException("SELECT * FROM idempotency_key WHERE key_hash = 'abc'"));

    assertThat(response.getStatusCode().value()).isEqualTo(500);
    assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    ProblemDetail problem = (ProblemDetail) response.getBody();
    assertThat(problem.getDetail()).doesNotContain("SELECT").doesNotContain("idempotency_key");
    assertThat(problem.getProperties()).containsKey("errors");
  }
}
