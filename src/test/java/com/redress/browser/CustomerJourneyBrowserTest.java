package com.redress.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.redress.complaint.ComplaintHandlingProcess;
import com.redress.identity.Groups;
import com.redress.support.Handling;
import com.redress.support.Jobs;
import com.redress.support.TestUsers;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.Arrays;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * A customer submits a complaint on the web page, later answers the survey from the link in the
 * resolution e-mail (read from GreenMail) and finally sees it closed, all in a real browser.
 */
class CustomerJourneyBrowserTest extends BrowserTest {

  private static final Pattern SURVEY_LINK = Pattern.compile("https://complaints\\.redress\\.test(/complaints/[^\"<\\s]+/survey\\?token=[\\w-]+)");

  @Test
  void customerSubmitsOnThePageAnswersTheSurveyFromTheMailAndSeesItClosed() throws Exception {
    String email = "journey-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    browser.get("http://localhost:" + port + "/complaints/new");
    browser.findElement(By.name("name")).sendKeys("Li Wei");
    browser.findElement(By.name("email")).sendKeys(email);
    new Select(browser.findElement(By.name("category"))).selectByValue("SAFETY");
    browser.findElement(By.name("subject")).sendKeys("Socket sparks after cleaning");
    browser.findElement(By.name("description")).sendKeys("The socket in the kitchen sparks since the cleaning visit.");
    click(browser.findElement(By.cssSelector("button[type='submit']")));

    String reference = wait.until(ExpectedConditions.visibilityOfElementLocated(By.tagName("h1"))).getText()
        .replace("Complaint ", "");
    assertThat(reference).matches("CMP-\\d{4}-\\d{6}");
    assertThat(browser.findElement(By.className("notice")).getText()).contains("We have received your complaint");
    screenshot("customer-submitted");

    Jobs.continueAfterRegistration(engine, reference);
    Handling.resolve(engine, reference, TestUsers.ensure(engine.getIdentityService(), "journey-handler",
        Groups.TEAM_SAFETY));
    Jobs.deliverMessages(engine, reference);

    browser.get("http://localhost:" + port + surveyLinkIn(resolutionMailTo(email)));
    assertThat(browser.findElement(By.tagName("main")).getText()).contains(Handling.RESOLUTION);
    click(browser.findElement(By.cssSelector("input[name='score'][value='5']")));
    browser.findElement(By.name("comment")).sendKeys("Fixed the same day, thank you.");
    screenshot("customer-survey");
    click(browser.findElement(By.cssSelector("button[type='submit']")));
    assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.className("notice"))).getText())
        .isEqualTo("Thank you for your answer.");
    Jobs.continueAfterSurvey(engine, reference);

    Handling.review(engine, reference, TestUsers.ensure(engine.getIdentityService(), "journey-reviewer",
        Groups.QUALITY_REVIEWERS), 5);
    browser.navigate().refresh();
    assertThat(browser.findElement(By.className("status")).getText())
        .isEqualTo("Your complaint is closed. Thank you for helping us improve.");
    assertThat(browser.findElement(By.className("history")).getText())
        .contains("We received your complaint.").contains("You rated our handling 5 of 5.")
        .contains("Your complaint was closed.");
    keepPage("customer-closed");
  }

  private static MimeMessage resolutionMailTo(String email) {
    return Arrays.stream(SMTP.getReceivedMessages()).filter(m -> {
      try {
        return m.getAllRecipients()[0].toString().equals(email) && m.getSubject().contains("is resolved");
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }).findFirst().orElseThrow(() -> new AssertionError("no resolution notice for " + email));
  }

  private static String surveyLinkIn(MimeMessage mail) throws IOException, jakarta.mail.MessagingException {
    String body = com.icegreen.greenmail.util.GreenMailUtil.getBody(mail);
    Matcher link = SURVEY_LINK.matcher(body.replace("=\r\n", "").replace("=3D", "="));
    assertThat(link.find()).as("survey link in %s", body).isTrue();
    return link.group(1).replace("&amp;", "&");
  }
}
