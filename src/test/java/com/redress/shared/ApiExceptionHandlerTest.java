package com.redress.shared;

import static org.assertj.core.api.Assertions.assertThat;

import com.redress.language.Phrases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

class ApiExceptionHandlerTest {

  private static final Phrases PHRASES = new Phrases(new StaticMessageSource());

  @Test
  void unexpectedFailureAnswersA500ProblemWithoutInternals() throws SQLException {
    DriverManagerDataSource dataSource = new DriverManagerDataSource("jdbc:h2:mem:api-exception-handler");
    ResponseEntity<Object> response = new ApiExceptionHandler(new Database(dataSource), PHRASES)
        .unexpected(new IllegalStateException("SELECT * FROM idempotency_key WHERE key_hash = 'abc'"));

    assertThat(response.getStatusCode().value()).isEqualTo(500);
    assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    ProblemDetail problem = (ProblemDetail) response.getBody();
    assertThat(problem.getDetail()).doesNotContain("SELECT").doesNotContain("idempotency_key");
    assertThat(problem.getProperties()).containsKey("errors");
  }

  /** A connection cut mid-step may surface without its SQL state; the client may still try again. */
  @Test
  void aFailureWithoutTheDatabasesReasonWhileItDoesNotAnswerIsA503(@TempDir Path directory) throws Exception {
    String url = "jdbc:h2:file:" + directory.resolve("gone");
    DriverManagerDataSource dataSource = new DriverManagerDataSource(url);
    Database database = new Database(dataSource);
    new JdbcTemplate(dataSource).execute("SHUTDOWN");
    deleteAll(directory);
    dataSource.setUrl(url + ";IFEXISTS=TRUE");

    ResponseEntity<Object> response = new ApiExceptionHandler(database, PHRASES)
        .unexpected(new IllegalStateException("a step lost its connection", new SQLException("I/O error")));

    assertThat(response.getStatusCode().value()).isEqualTo(503);
    assertThat(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo(ApiExceptionHandler.RETRY_AFTER_SECONDS);
    assertThat(((ProblemDetail) response.getBody()).getDetail()).contains("nothing was stored").contains("try again");
    // a failure of another kind is not blamed on the database, and does not wait for it
    assertThat(new ApiExceptionHandler(database, PHRASES).unexpected(new IllegalStateException("a bug")).getStatusCode().value())
        .isEqualTo(500);
  }

  private static void deleteAll(Path directory) throws IOException {
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).filter(f -> !f.equals(directory)).toList()) {
        Files.delete(file);
      }
    }
  }
}
