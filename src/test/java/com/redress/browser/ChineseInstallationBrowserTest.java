package com.redress.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.redress.complaint.ComplaintHandlingProcess;
import com.redress.support.Http;
import com.redress.support.RedressNode;
import com.redress.support.StaffSession;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * An installation set to Chinese ({@code redress.language=zh-CN}) with its demo story, worked in a
 * browser set to Chinese: the demo's customers complain in Chinese, a handler finds their complaint
 * under Redress's Chinese filter with its Chinese task name and group, handles it in the Chinese
 * form and completes it; the staff pages speak Chinese. The installation runs as a newcomer starts
 * it, in a JVM of its own: Camunda's webapps find their engine by name, JVM-wide.
 */
class ChineseInstallationBrowserTest extends BrowserTest {

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
  void theStaffPagesSpeakTheInstallationsLanguageWhateverTheBrowserSays() {
    StaffSession staff = new StaffSession(installation.port());
    assertThat(staff.get("/staff/login").body()).contains("<html lang=\"zh-CN\">").contains("Redress – 登录");
    staff.signIn("max", "demo");
    assertThat(staff.get("/staff").body()).contains("欢迎您，").contains("任务列表").doesNotContain(">Tasklist<");
    assertThat(staff.get("/reports/kpis").body()).contains("<html lang=\"zh-CN\">");
  }
}
