package com.redress.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.redress.complaint.Category;
import com.redress.complaint.ComplaintService;
import com.redress.complaint.CustomerTier;
import com.redress.identity.Groups;
import com.redress.support.Complaints;
import com.redress.support.Jobs;
import com.redress.support.TestUsers;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An auditor reads a complaint's process in Cockpit under the engine's query result limit: the
 * dashboard, the process list and the definition page with its running instance load, and no
 * page hits "an unbound number of results is forbidden".
 */
class CockpitBrowserTest extends BrowserTest {

  @Autowired ComplaintService complaints;

  @Test
  void anAuditorReadsTheComplaintProcessUnderTheQueryLimit() throws IOException {
    String auditor = TestUsers.ensure(engine.getIdentityService(), "browser-cockpit-auditor", Groups.AUDITORS);
    String reference = complaints.submit(Complaints.of(Category.BILLING, CustomerTier.GOLD), null, null).reference();
    Jobs.continueAfterRegistration(engine, reference);

    logInTo("cockpit", auditor);
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "Running Process Instances"));

    browser.get("http://localhost:" + port + "/camunda/app/cockpit/default/#/processes");
    click(wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Complaint handling"))));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), reference));
    screenshot("cockpit-complaint-handling");

    assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContainIgnoringCase("unbound number")
        .doesNotContainIgnoringCase("forbidden");
  }
}
