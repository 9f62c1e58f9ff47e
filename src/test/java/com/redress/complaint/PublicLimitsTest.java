package com.redress.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import com.redress.shared.AppClock;
import com.redress.shared.RateLimits;
import com.redress.support.ApplicationTest;
import com.redress.support.Http;
import com.redress.support.Jobs;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The public intake cannot be turned into a relay: one client address gets a limited number of
 * complaints in, one e-mail address receives a limited number, the count is shared by all nodes,
 * and the first mails to an address nobody has confirmed carry none of the submitter's words.
 * Client addresses come from X-Forwarded-For, which the tests' loopback connection is trusted to send.
 */
class PublicLimitsTest extends ApplicationTest {

  private static final String BODY = """
      {"customer": {"id": "C-%s", "name": "%s", "email": "%s", "tier": "STANDARD"},
       "channel": "WEB", "category": "DELAY", "subject": "%s", "description": "%s", "orderReference": "ORD-%s"}""";

  @Autowired JdbcTemplate jdbc;
  @Autowired JdbcClient jdbcClient;
  @Autowired AppClock clock;
  @Autowired PlatformTransactionManager transactions;
  @Autowired RateLimits limits;
  @Autowired PublicLimits publicLimits;

  private PublicLimits.Limits forOtherTests;

  /** The defaults of application.yml; the test profile raises them for every other test of this application. */
  @BeforeEach
  void defaultLimits() {
    // windows are fixed (a new one every full hour): a burst must not straddle the turn of one
    ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-12-07T02:20:00Z")));
    forOtherTests = publicLimits.limits();
    publicLimits.use(new PublicLimits.Limits(new RateLimits.Limit("intake-address", 20, Duration.ofHours(1)),
        new RateLimits.Limit("public-address", 300, Duration.ofMinutes(10)),
        new RateLimits.Limit("intake-email", 5, Duration.ofDays(1))));
  }

  @AfterEach
  void limitsForOtherTests() {
    ClockUtil.reset();
    publicLimits.use(forOtherTests);
  }

  @Test
  void aBurstFromOneClientAddressIsCutOffAt20() {
    String client = "203.0.113." + (System.nanoTime() % 200 + 1);
    List<Integer> statuses = new ArrayList<>();
    HttpResponse<String> last = null;
    for (int i = 0; i < 25; i++) {
      last = submit(client, "someone" + UUID.randomUUID() + "@example.com", "Li Wei", "Late", "The parcel came late.");
      statuses.add(last.statusCode());
    }

    assertThat(statuses.subList(0, 20)).containsOnly(201);
    assertThat(statuses.subList(20, 25)).containsOnly(429);
    assertThat(last.headers().firstValue("Retry-After")).hasValueSatisfying(s -> assertThat(Long.parseLong(s))
        .isBetween(1L, 3600L));
    assertThat(last.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
        .startsWith("application/problem+json"));
    assertThat(Http.json(last).get("status").asInt()).isEqualTo(429);
    // another client is not held back by this one
    assertThat(submit("198.51.100.9", "other" + UUID.randomUUID() + "@example.com", "Li Wei", "Late", "Late again.")
        .statusCode()).isEqualTo(201);
  }

  @Test
  void oneEmailAddressReceivesAtMostFiveComplaintsADay() {
    String victim = "victim" + UUID.randomUUID() + "@example.com";
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      statuses.add(submit("192.0.2." + (i + 1), victim, "Li Wei", "Late", "The parcel came late.").statusCode());
    }

    assertThat(statuses).containsExactly(201, 201, 201, 201, 201, 429);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM complaint WHERE customer_email = ?", Long.class, victim))
        .isEqualTo(5);
    HttpResponse<String> page = http.post("/complaints", "application/x-www-form-urlencoded",
        "submissionId=" + UUID.randomUUID() + "&name=Li+Wei&email=" + victim.replace("@", "%40")
            + "&category=DELAY&subject=Late&description=The+parcel+came+late+again.",
        "X-Forwarded-For", "192.0.2.99");
    assertThat(page.statusCode()).isEqualTo(429);
    assertThat(page.body()).contains("many complaints for this e-mail address");
  }

  @Test
  void everyNodeCountsIntoTheSameWindow() {
    RateLimits otherNode = new RateLimits(jdbcClient, clock, transactions);
    RateLimits.Limit three = new RateLimits.Limit("test-shared", 3, Duration.ofHours(1));
    String subject = UUID.randomUUID().toString();

    assertThat(limits.hit(three, subject)).isEmpty();
    assertThat(otherNode.hit(three, subject)).isEmpty();
    assertThat(limits.hit(three, subject)).isEmpty();
    assertThat(otherNode.hit(three, subject)).isPresent();
    assertThat(limits.hit(three, subject)).isPresent();
  }

  @Test
  void hitsFromManyThreadsAndNodesAtOnceAreCountedOnceEachAndNoneRefusedBelowTheLimit() throws Exception {
    List<RateLimits> nodes = List.of(limits, new RateLimits(jdbcClient, clock, transactions));
    RateLimits.Limit limit = new RateLimits.Limit("test-race", 1000, Duration.ofHours(1));
    ExecutorService threads = Executors.newFixedThreadPool(8);
    List<Future<Long>> refusals = new ArrayList<>();
    for (int round = 0; round < 20; round++) {
      String subject = UUID.randomUUID().toString(); // a new window's row each round: the first hits race
      CountDownLatch go = new CountDownLatch(1);
      for (int t = 0; t < 8; t++) {
        RateLimits node = nodes.get(t % 2);
        refusals.add(threads.submit(() -> {
          go.await();
          return node.hit(limit, subject).isPresent() ? 1L : 0L;
        }));
      }
      go.countDown();
    }
    long refused = 0;
    for (Future<Long> f : refusals) {
      refused += f.get();
    }
    threads.shutdown();

    assertThat(refused).isZero();
    assertThat(jdbc.queryForObject("SELECT SUM(hits) FROM rate_limit WHERE bucket LIKE 'test-race:%'", Long.class))
        .isEqualTo(160);
  }

  @Test
  void mailsToAnAddressNobodyConfirmedCarryNoneOfTheSubmittersWords() {
    String stranger = "stranger" + UUID.randomUUID() + "@example.com";
    String phishing = "URGENT verify your bank account at evil.example";
    HttpResponse<String> created = submit("203.0.113.250", stranger, "Bank Security Team", phishing,
        "Click http://evil.example/login now " + phishing);
    String reference = Http.json(created).get("reference").asText();
    Jobs.continueAfterRegistration(engine, reference);

    String first = acknowledgement(reference);
    assertThat(first).contains(reference).contains("/complaints/" + reference + "?token=")
        .doesNotContain("evil.example").doesNotContain("Bank Security Team").doesNotContain("URGENT");

    // the submitter's own token proves nothing about the mailbox
    String token = Http.json(created).get("accessToken").asText();
    assertThat(http.get("/api/complaints/" + reference + "?token=" + token).statusCode()).isEqualTo(200);
    String second = registered(submit("203.0.113.251", stranger, "Bank Security Team", phishing, phishing));
    assertThat(acknowledgement(second)).doesNotContain("URGENT");

    // the link from the mail does: a person reads this address, later mails may quote them
    String mailed = first.replaceAll("(?s).*/complaints/" + reference + "\\?token=([A-Za-z0-9_-]+).*", "$1");
    assertThat(http.get("/api/complaints/" + reference + "?token=" + mailed).statusCode()).isEqualTo(200);
    String third = registered(submit("203.0.113.252", stranger, "Li Wei", "Broken vase", "The vase broke."));
    assertThat(acknowledgement(third)).contains("Li Wei").contains("Broken vase").contains("The vase broke.");
  }

  private String registered(HttpResponse<String> created) {
    String reference = Http.json(created).get("reference").asText();
    Jobs.continueAfterRegistration(engine, reference);
    return reference;
  }

  private String acknowledgement(String reference) {
    return jdbc.queryForObject("SELECT body_html FROM notification_outbox WHERE complaint_reference = ?"
        + " AND kind = 'ACKNOWLEDGEMENT'", String.class, reference);
  }

  private HttpResponse<String> submit(String clientAddress, String email, String name, String subject,
      String description) {
    String id = UUID.randomUUID().toString();
    return http.postJson("/api/complaints", BODY.formatted(id, name, email, subject, description, id),
        "X-Forwarded-For", clientAddress);
  }
}
