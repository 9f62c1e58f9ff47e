package com.redress.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.redress.support.ApplicationTest;
import com.redress.support.Http;
import com.redress.support.TestUsers;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Guessing passwords is slowed down and finally stopped, whichever door is used: every staff
 * sign-in (Redress API, staff pages, engine REST, the webapps) asks Camunda's identity service,
 * which makes a user wait after a wrong password (3 s, doubling to at most 60 s) and locks them
 * after 10 wrong ones in a row until an administrator unlocks them. The clock is moved, not waited on.
 */
class LoginThrottlingTest extends ApplicationTest {

  @Autowired IdentityService identity;

  private Instant now = Instant.parse("2031-03-03T09:00:00Z");

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aWrongPasswordMakesTheUserWaitOnEveryDoor() {
    String user = TestUsers.ensure(identity, "throttle-handler", Groups.TEAM_BILLING);
    at(now);

    assertThat(api(user, "guess-1")).isEqualTo(401);
    // the right password at once: refused on every door until the wait is over
    assertThat(api(user, TestUsers.PASSWORD)).isEqualTo(401);
    assertThat(engineRest(user, TestUsers.PASSWORD)).isEqualTo(401);
    assertThat(staffPage(user, TestUsers.PASSWORD)).isEqualTo(401);

    at(now.plusSeconds(4));
    assertThat(api(user, TestUsers.PASSWORD)).isEqualTo(200);

    // a success starts the count afresh: the next wrong password costs 3 s again, not 6
    assertThat(api(user, "guess-2")).isEqualTo(401);
    at(now.plusSeconds(8));
    assertThat(engineRest(user, TestUsers.PASSWORD)).isEqualTo(200);
  }

  @Test
  void tenWrongPasswordsInARowLockTheUserUntilAnAdministratorUnlocks() {
    String user = TestUsers.ensure(identity, "throttle-target", Groups.TEAM_SERVICE);
    Instant t = now;
    for (int attempt = 1; attempt <= 10; attempt++) {
      at(t);
      assertThat(api(user, "guess-" + attempt)).isEqualTo(401);
      t = t.plusSeconds(61); // past the longest wait: each guess is counted
    }

    at(t.plusSeconds(24 * 3600));
    assertThat(api(user, TestUsers.PASSWORD)).as("a day later, still locked").isEqualTo(401);
    assertThat(staffPage(user, TestUsers.PASSWORD)).isEqualTo(401);

    identity.unlockUser(user);
    assertThat(api(user, TestUsers.PASSWORD)).isEqualTo(200);
  }

  private void at(Instant instant) {
    ClockUtil.setCurrentTime(Date.from(instant));
  }

  private int api(String user, String password) {
    return new Http(port).as(user, password).get("/api/complaints?page=0&size=1").statusCode();
  }

  private int engineRest(String user, String password) {
    return new Http(port).as(user, password).get("/engine-rest/task/count").statusCode();
  }

  /** A staff page any signed-in member of staff may open (published award results: 404 for an unknown run). */
  private int staffPage(String user, String password) {
    int status = new Http(port).as(user, password).get("/awards/no-such-run", "text/html").statusCode();
    return status == 404 ? 200 : status;
  }
}
