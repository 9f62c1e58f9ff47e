package com.redress.staff;

import static org.assertj.core.api.Assertions.assertThat;

import com.redress.identity.Groups;
import com.redress.support.ApplicationTest;
import com.redress.support.Http;
import com.redress.support.TestUsers;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The staff home and the navigation of every staff page show a member of staff only what they may
 * open: a handler sees Tasklist and no auditor's or manager's links, and those pages refuse them.
 */
class StaffNavigationTest extends ApplicationTest {

  private static final Pattern LINK = Pattern.compile("<a href=\"([^\"]+)\">([^<]+)</a>");
  private static final List<String> GUARDED = List.of("/audit", "/audit/integrity", "/reports/kpis",
      "/analysis/what-if", "/analysis/migrations");

  @Test
  void aHandlerSeesNoAuditorOrManagerLinksAndIsRefusedTheirPages() {
    Http handler = as("nav-handler", Groups.TEAM_LOGISTICS);

    HttpResponse<String> home = handler.get("/staff", "text/html");

    assertThat(home.statusCode()).isEqualTo(200);
    assertThat(home.body()).contains("Welcome, nav-handler");
    assertThat(links(home)).contains("/camunda/app/tasklist/").doesNotContainAnyElementsOf(GUARDED)
        .doesNotContain("/camunda/app/cockpit/");
    for (String page : GUARDED) {
      assertThat(handler.get(page, "text/html").statusCode()).as(page).isEqualTo(403);
    }
  }

  @Test
  void eachRoleIsLinkedToExactlyThePagesItMayOpenOnEveryStaffPage() {
    Http manager = as("nav-manager", Groups.SERVICE_MANAGERS);
    Http auditor = as("nav-auditor", Groups.AUDITORS);
    Http analyst = as("nav-analyst", Groups.PROCESS_ANALYSTS);

    assertThat(links(manager.get("/reports/kpis", "text/html"))).contains("/reports/kpis")
        .doesNotContain("/audit", "/audit/integrity", "/analysis/what-if");
    assertThat(links(auditor.get("/audit", "text/html"))).contains("/audit", "/audit/integrity", "/reports/kpis",
        "/camunda/app/cockpit/").doesNotContain("/analysis/what-if", "/camunda/app/admin/");
    assertThat(links(analyst.get("/analysis/what-if", "text/html"))).contains("/analysis/what-if", "/analysis/migrations")
        .doesNotContain("/audit", "/reports/kpis");
    for (Http user : List.of(manager, auditor, analyst)) {
      List<String> offered = links(user.get("/staff", "text/html"));
      for (String page : GUARDED) {
        assertThat(user.get(page, "text/html").statusCode()).as(page)
            .isEqualTo(offered.contains(page) ? 200 : 403);
      }
    }
  }

  @Test
  void signingInWithoutAskingForAPageLandsOnTheHome() {
    HttpResponse<String> anonymous = new Http(port).get("/staff", "text/html");
    assertThat(anonymous.statusCode()).isEqualTo(302);
    assertThat(anonymous.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/staff/login"));
    HttpResponse<String> login = new Http(port).get("/staff/login", "text/html");
    assertThat(login.body()).contains("<title>Redress – sign in</title>").doesNotContain("audit");
  }

  private Http as(String user, String group) {
    return new Http(port).as(TestUsers.ensure(engine.getIdentityService(), user, group), TestUsers.PASSWORD);
  }

  /** The hrefs of the page's links, in the order shown. */
  private static List<String> links(HttpResponse<String> page) {
    assertThat(page.statusCode()).as(page.uri().toString()).isEqualTo(200);
    Matcher link = LINK.matcher(page.body());
    return link.results().map(m -> m.group(1)).toList();
  }
}
