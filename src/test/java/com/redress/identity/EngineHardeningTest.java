package com.redress.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.redress.support.ApplicationTest;
import com.redress.support.Handling;
import com.redress.support.Http;
import com.redress.support.TestUsers;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;

/**
 * The engine settings behind Camunda's security notices, as an attacker with a valid account
 * would meet them: even an administrator cannot store a Java-serialized variable or run an
 * expression in an ad-hoc query, nor fetch a table in one query, and there is no H2 console.
 */
class EngineHardeningTest extends ApplicationTest {

  @Test
  void theEngineRefusesJavaSerializationScriptHostAccessAndAdhocExpressions() {
    ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(config.isJavaSerializationFormatEnabled()).isFalse();
    assertThat(config.isDeserializationTypeValidationEnabled()).isTrue();
    assertThat(config.isConfigureScriptEngineHostAccess()).isFalse();
    assertThat(config.isEnableExpressionsInAdhocQueries()).isFalse();

    Http admin = new Http(port).as(TestUsers.ensure(engine.getIdentityService(), "hardening-admin",
        Groups.CAMUNDA_ADMIN), TestUsers.PASSWORD);
    String instance = Handling.openTask(engine, "HARDENING-1", Groups.TEAM_BILLING);

    // a serialized java.lang.String: harmless here, but any class would be accepted the same way
    String serialized = Base64.getEncoder().encodeToString(new byte[] {(byte) 0xAC, (byte) 0xED, 0, 5, 't', 0, 1, 'x'});
    HttpResponse<String> stored = admin.put("/engine-rest/process-instance/" + instance + "/variables/payload",
        "{\"value\": \"" + serialized + "\", \"type\": \"Object\", \"valueInfo\": {\"objectTypeName\": \"java.lang.String\","
            + " \"serializationDataFormat\": \"application/x-java-serialized-object\"}}");
    assertThat(stored.statusCode()).as(stored.body()).isBetween(400, 599).isNotEqualTo(503);
    assertThat(engine.getRuntimeService().getVariable(instance, "payload")).isNull();

    HttpResponse<String> expression = admin.get("/engine-rest/task?maxResults=10&assigneeExpression="
        + URLEncoder.encode("${currentUser()}", StandardCharsets.UTF_8));
    assertThat(expression.statusCode()).as(expression.body()).isEqualTo(400);
    assertThat(Http.json(expression).get("message").asText()).contains("Expressions are forbidden");

    assertThat(admin.get("/h2-console", "text/html").statusCode()).isEqualTo(404);
  }

  @Test
  void aSignedInCallerMustPageAndGetsAtMostTwoThousandRows() {
    Http admin = new Http(port).as(TestUsers.ensure(engine.getIdentityService(), "hardening-admin",
        Groups.CAMUNDA_ADMIN), TestUsers.PASSWORD);

    HttpResponse<String> unbounded = admin.get("/engine-rest/history/activity-instance");
    assertThat(unbounded.statusCode()).isEqualTo(400);
    assertThat(Http.json(unbounded).get("message").asText()).contains("unbound number of results is forbidden");
    assertThat(admin.get("/engine-rest/history/activity-instance?firstResult=0&maxResults=2001").statusCode())
        .isEqualTo(400);
    assertThat(admin.get("/engine-rest/history/activity-instance?firstResult=0&maxResults=2000").statusCode())
        .isEqualTo(200);
    assertThat(admin.get("/engine-rest/history/activity-instance/count").statusCode()).as("counting is not listing")
        .isEqualTo(200);
  }
}
