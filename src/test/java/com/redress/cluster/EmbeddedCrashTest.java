package com.redress.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.redress.support.Http;
import com.redress.support.RedressNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded default keeps what it acknowledged: Redress started as the README says (H2 under
 * ./data, demo profile), complaints submitted from four clients, the node killed with kill -9 in the
 * middle, started again. Every complaint answered 201 is there and reaches its handling task within
 * 60 s (the restarted node releases the jobs its previous incarnation held instead of waiting out
 * their lock), and no step ran twice.
 */
class EmbeddedCrashTest {

  private static final Duration LOAD = Duration.ofSeconds(6);
  private static final String BODY = """
      {"customer": {"id": "C-CRASH-%s", "name": "Crash Test", "email": "crash@example.com", "tier": "STANDARD"},
       "channel": "WEB", "category": "DELAY", "subject": "Late delivery", "description": "The parcel came late.",
       "orderReference": "ORD-%s"}""";

  @TempDir
  Path directory;

  @Test
  void everyAcknowledgedComplaintSurvivesKillMinus9AndMovesOn() throws Exception {
    int port = RedressNode.freePort();
    List<String> acknowledged = Collections.synchronizedList(new ArrayList<>());
    try (RedressNode first = RedressNode.startEmbedded("crash-before", directory, port)) {
      AtomicBoolean running = new AtomicBoolean(true);
      ExecutorService clients = Executors.newFixedThreadPool(4);
      for (int c = 0; c < 4; c++) {
        clients.submit(() -> {
          Http http = first.http().withTimeout(Duration.ofSeconds(5));
          while (running.get()) {
            String id = UUID.randomUUID().toString();
            try {
              HttpResponse<String> response = http.postJson("/api/complaints", BODY.formatted(id, id));
              if (response.statusCode() == 201) {
                acknowledged.add(Http.json(response).get("reference").asText());
              }
            } catch (RuntimeException connectionLost) {
              return;
            }
          }
        });
      }
      Instant end = Instant.now().plus(LOAD);
      RedressNode.awaitValue("load running", LOAD.plusSeconds(30), Duration.ofMillis(200),
          () -> Instant.now().isAfter(end) ? Boolean.TRUE : null);
      first.kill();
      running.set(false);
      clients.shutdown();
      assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(acknowledged).hasSizeGreaterThan(20);
    System.out.printf("[measurement] embedded default under intake load: %d complaints acknowledged in %d s by 4"
        + " clients before kill -9%n", acknowledged.size(), LOAD.toSeconds());

    Instant restarted;
    try (RedressNode second = RedressNode.startEmbedded("crash-after", directory, port)) {
      restarted = Instant.now();
      Http staff = second.http().as("admin", "demo");
      List<String> missing = acknowledged.stream()
          .filter(reference -> staff.get("/api/complaints/" + reference).statusCode() != 200).toList();
      assertThat(missing).as("acknowledged before the crash, gone after it").isEmpty();
      for (String reference : List.copyOf(acknowledged)) {
        RedressNode.awaitValue(reference + " at its handling task", Duration.ofSeconds(60)
            .minus(Duration.between(restarted, Instant.now())), Duration.ofMillis(250), () -> {
              JsonNode tasks = Http.json(staff.get("/engine-rest/task?maxResults=5&processInstanceBusinessKey="
                  + reference));
              return tasks.size() == 1 ? Boolean.TRUE : null;
            });
      }
      // intake goes on where it stopped: no reference, id or step is taken twice
      for (int i = 0; i < 10; i++) {
        String id = UUID.randomUUID().toString();
        HttpResponse<String> after = second.http().postJson("/api/complaints", BODY.formatted(id, id));
        assertThat(after.statusCode()).as(after.body()).isEqualTo(201);
        acknowledged.add(Http.json(after).get("reference").asText());
      }
      System.out.printf("[measurement] after the restart (%.1f s to healthy), every acknowledged complaint at its"
          + " handling task %.1f s after the node answered%n", second.startUp().toMillis() / 1000.0,
          Duration.between(restarted, Instant.now()).toMillis() / 1000.0);
    }
    // the node is stopped: its database file can be read directly
    try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + directory.resolve("data/redress"), "sa", "")) {
      // seen once in many runs (2026-12-07): named with each case's start and state, to find out how
      assertThat(rows(db, "SELECT p.business_key_, p.id_, p.start_time_, p.end_time_, p.state_, p.start_act_id_"
          + " FROM act_hi_procinst p WHERE p.proc_def_key_ = 'ComplaintHandling' AND p.business_key_ IN (SELECT"
          + " business_key_ FROM act_hi_procinst WHERE proc_def_key_ = 'ComplaintHandling' GROUP BY business_key_"
          + " HAVING COUNT(*) > 1) ORDER BY p.business_key_, p.start_time_"))
          .as("complaints with two cases").isEmpty();
      assertThat(count(db, "SELECT COUNT(*) FROM act_hi_job_log WHERE job_state_ = 1"))
          .as("steps that failed after the restart").isZero();
      assertThat(count(db, "SELECT COUNT(DISTINCT reference) FROM complaint WHERE reference IN ('"
          + String.join("','", acknowledged) + "')")).isEqualTo(acknowledged.size());
      assertThat(count(db, "SELECT COUNT(*) FROM (SELECT complaint_reference FROM notification_outbox"
          + " WHERE kind = 'ACKNOWLEDGEMENT' GROUP BY complaint_reference HAVING COUNT(*) > 1)"))
          .as("complaints acknowledged twice").isZero();
    }
  }

  /** Each row as its columns' values joined by spaces. */
  private static List<String> rows(Connection db, String sql) throws Exception {
    List<String> rows = new ArrayList<>();
    try (ResultSet result = db.createStatement().executeQuery(sql)) {
      int columns = result.getMetaData().getColumnCount();
      while (result.next()) {
        StringBuilder row = new StringBuilder();
        for (int column = 1; column <= columns; column++) {
          row.append(column > 1 ? " " : "").append(result.getString(column));
        }
        rows.add(row.toString());
      }
    }
    return rows;
  }

  private static long count(Connection db, String sql) throws Exception {
    try (ResultSet result = db.createStatement().executeQuery(sql)) {
      result.next();
      return result.getLong(1);
    }
  }
}
