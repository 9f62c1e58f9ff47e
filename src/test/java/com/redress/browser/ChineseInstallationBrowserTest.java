package com.redress.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.redress.complaint.ComplaintHandlingProcess;
import com.redress.identity.Groups;
import com.redress.support.Http;
import com.redress.support.RedressNode;
import com.redress.support.StaffSession;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A newcomer's first start as the README gives it in Chinese ({@code REDRESS_LANGUAGE=zh-CN}: demo
 * profile, embedded database, nothing stored yet, a JVM of its own, since Camunda's webapps find
 * their engine by name, JVM-wide). Every demo user of the README's table has something to act on,
 * last month's award run is published with scores that recompute from their breakdowns, and the KPI
 * dashboard has data for each of the last three months; the demo's customers complain in Chinese.
 * Then, in a browser set to Chinese, a handler finds a complaint under Redress's Chinese filter with
 * its Chinese task name and group, handles it in the Chinese form and completes it; the staff pages
 * speak Chinese. (The English twins: TasklistBrowserTest and the other browser tests.)
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChineseInstallationBrowserTest extends BrowserTest {

  private static final ZoneId BUSINESS_ZONE = ZoneId.of("Asia/Shanghai");
  /** What each user who works in Tasklist finds waiting, as the README's demo table says. */
  private static final Map<String, List<String>> TASKS = Map.of(
      "dan", List.of("分派投诉"),
      "sara", List.of("处理投诉"), "bill", List.of("处理投诉"), "leo", List.of("处理投诉"), "sam", List.of("处理投诉"),
      "sue", List.of("处理投诉", "审批补偿"),
      "max", List.of("审批补偿"), "fiona", List.of("审批补偿"),
      "quinn", List.of("评审处理质量"), "carla", List.of("裁决异议"));

  static final TasklistWords CHINESE_TASKLIST = new TasklistWords("我所在组的任务", "认领", "完成");

  @TempDir
  static Path directory;
  private static RedressNode installation;

  @BeforeAll
  static void startInChinese() throws IOException {
    installation = RedressNode.startEmbedded("chinese-installation", directory, RedressNode.freePort(),
        "--redress.language=zh-CN");
  }

  @AfterAll
  static void stop() throws InterruptedException {
    installation.close();
  }

  @Override
  protected int appPort() {
    return installation.port();
  }

  @Override
  protected String languages() {
    return "zh-CN,zh";
  }

  @Override
  protected TasklistWords tasklistWords() {
    return CHINESE_TASKLIST;
  }

  @Test
  @Order(1)
  void everyPersonaFindsWorkAndLastMonthTellsItsStory() {
    assertThat(installation.logged()).as("the whole story was told").contains("complaints in flight")
        .doesNotContain("The demo story stopped");
    TASKS.forEach((user, expected) -> assertThat(Http.json(as(user).get("/engine-rest/task?maxResults=50"
        + "&candidateUser=" + user + "&includeAssignedTasks=true")).findValuesAsText("name"))
        .as(user + "'s tasks").containsAll(expected));
    // the intake agent records phone complaints with the start form; auditors and analysts read pages
    assertThat(Http.json(as("ivy").get("/engine-rest/process-definition?latestVersion=true"
        + "&startableInTasklist=true&startablePermissionCheck=true&maxResults=15")).findValuesAsText("key"))
        .contains("ComplaintHandling");
    assertThat(as("audrey").get("/audit?status=CLOSED", "text/html").body()).contains("CMP-");
    assertThat(as("ana").get("/analysis/what-if", "text/html").statusCode()).isEqualTo(200);
    assertThat(as("pia").get("/privacy?customer=li.wei", "text/html").statusCode()).isEqualTo(200);

    YearMonth thisMonth = YearMonth.now(BUSINESS_ZONE);
    JsonNode run = Http.json(as("carla").get("/api/award-runs/AWARD-" + thisMonth.minusMonths(1)));
    assertThat(run.get("status").asText()).isEqualTo("PUBLISHED");
    assertThat(run.get("objections").findValuesAsText("decision")).contains("DISMISSED");
    assertThat(run.get("nominations").findValuesAsText("kind")).contains("INNOVATION");
    assertThat(run.get("scores")).allSatisfy(score -> assertThat(recomputed(score))
        .as(score.get("handler").asText()).isEqualByComparingTo(score.get("score").decimalValue()));
    assertThat(run.get("scores").findValuesAsText("rank")).isNotEmpty();

    for (int back = 1; back <= 3; back++) {
      YearMonth month = thisMonth.minusMonths(back);
      JsonNode kpis = Http.json(as("max").get("/api/reports/kpis?from=" + month.atDay(1) + "&to="
          + month.atEndOfMonth()));
      assertThat(kpis.at("/total/closed").asInt()).as("closed in " + month).isGreaterThan(0);
    }
    System.out.printf("[measurement] first demo start (story included): %.1f s%n",
        installation.startUp().toMillis() / 1000.0);
  }

  @Test
  @Order(2)
  void aHandlerWorksADemoComplaintInChineseFromTheFilterToTheCompletedForm() throws IOException {
    Http sara = installation.http().as("sara", "demo");
    JsonNode waiting = Http.json(sara.get("/engine-rest/task?candidateUser=sara&unassigned=true&taskDefinitionKey="
        + ComplaintHandlingProcess.TASK_HANDLE + "&maxResults=5")).get(0);
    assertThat(waiting.get("name").asText()).isEqualTo("处理投诉");
    String taskId = waiting.get("id").asText();
    String reference = Http.json(sara.get("/engine-rest/task/" + taskId + "/localVariables/"
        + ComplaintHandlingProcess.COMPLAINT_REFERENCE.name())).get("value").asText();
    JsonNode complaint = Http.json(sara.get("/api/complaints/" + reference));
    assertThat(complaint.get("subject").asText()).as("the demo's customers complain in Chinese")
        .isIn(List.of("厨房没打扫干净", "家政保洁时打碎了花瓶", "配送晚了三天", "本月被重复扣费", "维修师傅态度恶劣",
            "维修后电线外露", "App 里找不到我的订单"));
    try {
      logInTo("tasklist", "sara", "demo");
      openGroupTask(reference);
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "处理投诉"));
      claimTask();
      wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "根本原因"));
      assertThat(browser.findElement(By.tagName("body")).getText()).contains("投诉编号", "调查投诉，记录根本原因以及处理方式。")
          .as("the group offered the task, by its Chinese name").contains("服务团队")
          .doesNotContain("Root cause").doesNotContain("Resolve by");
      selectOption("Field_rootCause", "供应商或合作方问题");
      type("Field_resolution", "已联系供应商补发花瓶，并为客户退还了上门费。");
      click(browser.findElement(By.cssSelector("input[type='checkbox'][id$='Field_serviceFailureAcknowledged']")));
      screenshot("tasklist-chinese-handling-form");
      completeTask();
      wait.until(driver -> sara.get("/engine-rest/task/" + taskId).statusCode() == 404);
    } catch (RuntimeException e) {
      keepPage("tasklist-chinese-failure");
      throw e;
    }
    // the outcome is recorded by the step after the task, which the installation's job executor runs
    String resolution = RedressNode.awaitValue("the recorded outcome", Duration.ofSeconds(30), Duration.ofMillis(200),
        () -> Http.json(sara.get("/api/complaints/" + reference)).at("/resolution/text").asText(null));
    assertThat(resolution).isEqualTo("已联系供应商补发花瓶，并为客户退还了上门费。");
  }

  @Test
  @Order(3)
  void theStaffPagesSpeakTheInstallationsLanguageWhateverTheBrowserSays() {
    StaffSession staff = new StaffSession(installation.port());
    assertThat(staff.get("/staff/login").body()).contains("<html lang=\"zh-CN\">").contains("Redress – 登录");
    staff.signIn("max", "demo");
    assertThat(staff.get("/staff").body()).contains("欢迎您，").contains("任务列表").doesNotContain(">Tasklist<");
    assertThat(staff.get("/reports/kpis").body()).contains("<html lang=\"zh-CN\">");
    assertThat(staff.get("/reports/kpis?from=yesterday").body()).as("a refusal on a staff page")
        .contains("须为日期，例如 2026-10-01");
  }

  @Test
  @Order(4)
  void aFourEyesRefusalIsSaidInChineseInTasklistAndInTheAuditStory() {
    JsonNode review = Http.json(as("quinn").get("/engine-rest/task?candidateUser=quinn&taskDefinitionKey="
        + ComplaintHandlingProcess.TASK_REVIEW_QUALITY + "&maxResults=1")).get(0);
    String reference = Http.json(as("quinn").get("/engine-rest/task/" + review.get("id").asText() + "/localVariables/"
        + ComplaintHandlingProcess.COMPLAINT_REFERENCE.name())).get("value").asText();
    String handler = Http.json(as("audrey").get("/api/complaints/" + reference)).findValue("handlers").get(0).asText();
    String membership = "/engine-rest/group/" + Groups.QUALITY_REVIEWERS + "/members/" + handler;
    assertThat(as("admin").put(membership, "").statusCode()).isEqualTo(204);
    try {
      HttpResponse<String> claim = as(handler).postJson("/engine-rest/task/" + review.get("id").asText() + "/claim",
          "{\"userId\": \"" + handler + "\"}");
      assertThat(claim.statusCode()).isEqualTo(403);
      assertThat(Http.json(claim).get("message").asText()).as("what Tasklist shows")
          .contains(handler + " 处理过投诉 " + reference + "，不能评审其处理质量（四眼原则）");
    } finally {
      assertThat(as("admin").delete(membership).statusCode()).isEqualTo(204);
    }
    assertThat(as("audrey").get("/audit/complaints/" + reference, "text/html").body()).as("the audit story")
        .contains("四眼原则拒绝了 " + handler + " 对任务“评审处理质量”的操作（处理任务）：" + handler + " 处理过投诉");
  }

  private static Http as(String user) {
    return installation.http().as(user, "demo");
  }

  /**
   * The score from the complaints it counts, as docs/awards describes it: timeliness, quality,
   * satisfaction (answered surveys only) and innovation (capped at 3), weighted 30/30/30/10.
   */
  private static BigDecimal recomputed(JsonNode score) {
    List<JsonNode> counted = new ArrayList<>();
    score.get("counted").forEach(counted::add);
    double n = counted.size();
    double timely = counted.stream().filter(c -> c.get("resolutionSlaMet").asBoolean()).count() / n;
    double quality = (counted.stream().mapToInt(c -> c.get("qualityScore").asInt()).average().orElseThrow() - 1) / 4;
    double innovation = Math.min(3, counted.stream().filter(c -> c.get("innovative").asBoolean()).count()) / 3.0;
    List<Integer> answers = counted.stream().filter(c -> c.hasNonNull("csat")).map(c -> c.get("csat").asInt()).toList();
    double weighted = 30 * timely + 30 * quality + 10 * innovation;
    double weights = 70;
    if (!answers.isEmpty()) {
      weighted += 30 * (answers.stream().mapToInt(Integer::intValue).average().orElseThrow() - 1) / 4;
      weights += 30;
    }
    return new BigDecimal(100 * weighted / weights, MathContext.DECIMAL64).setScale(2, java.math.RoundingMode.HALF_UP);
  }
}
