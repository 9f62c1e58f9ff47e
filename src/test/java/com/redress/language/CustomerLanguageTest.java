package com.redress.language;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.redress.identity.Groups;
import com.redress.support.ApplicationTest;
import com.redress.support.Handling;
import com.redress.support.Http;
import com.redress.support.Jobs;
import com.redress.support.TestUsers;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A customer who reads Chinese, end to end: the complaint taken with {@code Accept-Language: zh-CN},
 * the acknowledgement and the resolution received in Chinese with readable subjects, the survey
 * answered on the Chinese page; refusals in Chinese with the fields' names as they are; and the
 * same in English for an English reader.
 */
class CustomerLanguageTest extends ApplicationTest {

  private static final String FORM = "application/x-www-form-urlencoded";
  private static final String CHINESE = "zh-CN,zh;q=0.9,en;q=0.5";
  private static final String SUBJECT = "保洁时打碎了花瓶（客厅）";

  @Autowired JdbcTemplate jdbc;

  @Test
  void aChineseCustomerIsAnsweredInChineseFromIntakeToSurvey() throws Exception {
    String email = "zh-" + UUID.randomUUID() + "@example.com";
    int before = mailsSoFar();
    HttpResponse<String> submitted = http.postJson("/api/complaints", body(email, SUBJECT), "Accept-Language", CHINESE);
    assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
    String reference = Http.json(submitted).get("reference").asText();
    String token = Http.json(submitted).get("accessToken").asText();
    assertThat(jdbc.queryForObject("SELECT language FROM complaint WHERE reference = ?", String.class, reference))
        .isEqualTo("zh-CN");

    Jobs.continueAfterRegistration(engine, reference);
    Jobs.deliverMessages(engine, reference);
    MimeMessage acknowledgement = onlyMailTo(email, before);
    assertThat(acknowledgement.getSubject()).isEqualTo("我们已收到您的投诉 " + reference);
    assertThat(acknowledgement.getHeader("Subject")[0]).as("an encoded word, readable by any mail client")
        .startsWith("=?UTF-8?");
    assertThat(html(acknowledgement)).contains("lang=\"zh-CN\"").contains("感谢您告诉我们。我们已登记您的投诉")
        .contains("年").contains("/complaints/" + reference + "?token=");

    String handler = TestUsers.ensure(engine.getIdentityService(), "zh-handler", Groups.TEAM_SERVICE,
        Groups.TEAM_BILLING, Groups.TEAM_LOGISTICS, Groups.TEAM_SAFETY);
    before = mailsSoFar();
    Handling.resolve(engine, reference, handler);
    Jobs.deliverMessages(engine, reference);
    MimeMessage resolution = onlyMailTo(email, before);
    assertThat(resolution.getSubject()).isEqualTo("您的投诉 " + reference + " 已解决");
    assertThat(html(resolution)).contains("已解决。我们的处理如下：").contains("/complaints/" + reference + "/survey?token=");

    String survey = "/complaints/" + reference + "/survey";
    String tokenParameter = "token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    String page = http.get(survey + "?" + tokenParameter, "text/html", "Accept-Language", CHINESE).body();
    assertThat(page).contains("<html lang=\"zh-CN\">").contains("您对我们处理投诉的方式满意吗？")
        .contains("5 – 非常满意").contains("提交我的回复")
        .as("the switch to English keeps the link's token").contains("?" + tokenParameter + "&amp;lang=en");

    HttpResponse<String> badScore = http.post(survey, FORM, tokenParameter + "&score=9", "Accept-Language", CHINESE);
    assertThat(badScore.statusCode()).isEqualTo(400);
    assertThat(badScore.body()).contains("须为 1 到 5 之间的整数");

    HttpResponse<String> answered = http.post(survey, FORM, tokenParameter + "&score=4&comment="
        + URLEncoder.encode("谢谢，处理得很快！", StandardCharsets.UTF_8), "Accept-Language", CHINESE);
    assertThat(answered.statusCode()).isEqualTo(302);
    URI statusPage = URI.create(answered.headers().firstValue("Location").orElseThrow());
    String status = http.get(statusPage.getRawPath() + "?" + statusPage.getRawQuery(), "text/html",
        "Accept-Language", CHINESE).body();
    assertThat(status).contains("感谢您的回复。").contains("您对我们的处理评了 4 分（满分 5 分）。").contains(SUBJECT);

    HttpResponse<String> english = http.get("/complaints/" + reference + "?" + tokenParameter + "&lang=en", "text/html",
        "Accept-Language", CHINESE);
    assertThat(english.body()).as("the switch wins over the browser").contains("<html lang=\"en\">")
        .contains("You rated our handling 4 of 5.");
    assertThat(english.headers().allValues("Set-Cookie")).as("and is remembered on the customer pages")
        .anySatisfy(cookie -> assertThat(cookie).startsWith("redress-language=en").contains("Path=/complaints"));
  }

  @Test
  void refusalsAreToldInTheCallersLanguageWithTheFieldsNamesAsTheyAre() {
    String email = "zh-refused-" + UUID.randomUUID() + "@example.com";
    String incomplete = body(email, "");
    JsonNode chinese = Http.json(http.postJson("/api/complaints", incomplete, "Accept-Language", CHINESE));
    assertThat(chinese.get("title").asText()).isEqualTo("请求无效");
    assertThat(chinese.get("detail").asText()).isEqualTo("请求中有 1 个字段无效。");
    assertThat(chinese.at("/errors/0/field").asText()).isEqualTo("subject");
    assertThat(chinese.at("/errors/0/message").asText()).isEqualTo("为必填项");

    JsonNode english = Http.json(http.postJson("/api/complaints", incomplete, "Accept-Language", "en-GB,en;q=0.8"));
    assertThat(english.get("title").asText()).isEqualTo("Invalid request");
    assertThat(english.at("/errors/0/message").asText()).isEqualTo("is required");
    JsonNode unspoken = Http.json(http.postJson("/api/complaints", incomplete, "Accept-Language", "fr-FR"));
    assertThat(unspoken.at("/errors/0/message").asText()).as("the installation's language, English here")
        .isEqualTo("is required");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM complaint WHERE customer_email = ?", Integer.class, email))
        .as("nothing stored").isZero();

    HttpResponse<String> unknown = http.get("/api/complaints/CMP-1999-000001?token=nothing", "application/json",
        "Accept-Language", CHINESE);
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(Http.json(unknown).get("detail").asText()).isEqualTo("没有与此编号和令牌对应的投诉。");

    HttpResponse<String> form = http.post("/complaints", FORM, "submissionId=" + UUID.randomUUID() + "&name="
        + URLEncoder.encode("李伟", StandardCharsets.UTF_8) + "&email=" + email + "&category=DAMAGE",
        "Accept-Language", CHINESE);
    assertThat(form.statusCode()).isEqualTo(400);
    assertThat(form.body()).contains("暂时无法受理您的投诉：请修改下方标出的内容。").contains("为必填项")
        .as("the switch of a refused form leads to the form").contains("/complaints/new?lang=en");
  }

  private MimeMessage onlyMailTo(String recipient, int before) throws Exception {
    List<MimeMessage> mails = mailsSince(before).stream().filter(mail -> {
      try {
        return mail.getAllRecipients()[0].toString().equals(recipient);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }).toList();
    assertThat(mails).hasSize(1);
    return mails.get(0);
  }

  private static String html(MimeMessage mail) throws Exception {
    return (String) mail.getContent();
  }

  private static String body(String email, String subject) {
    String unique = UUID.randomUUID().toString().substring(0, 8);
    return """
        {"customer": {"id": "C-%s", "name": "李伟", "email": "%s", "tier": "STANDARD"},
         "channel": "WEB", "category": "DAMAGE", "subject": "%s",
         "description": "阿姨打扫客厅时碰倒了花瓶，花瓶碎了。请尽快联系我！",
         "orderReference": "ORD-%s"}
        """.formatted(unique, email, subject, unique);
  }
}
