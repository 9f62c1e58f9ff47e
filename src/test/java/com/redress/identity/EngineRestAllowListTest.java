package com.redress.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.redress.shared.EnginePaths;
import com.redress.support.ApplicationTest;
import com.redress.support.Http;
import com.redress.support.TestUsers;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint Camunda 7.24's engine REST registers, called as a member of each group: the guard
 * refuses exactly what {@link EngineRestAllowList} refuses and lets the rest reach the engine (whose
 * own answer — 404 for the made-up ids, 400, 415 — does not matter here). The list of endpoints is
 * kept in {@code engine-rest-endpoints.txt}: an endpoint a Camunda upgrade adds fails this test
 * until someone decides who may call it.
 */
class EngineRestAllowListTest extends ApplicationTest {

  @Test
  void theRegisteredEndpointsAreTheOnesDecidedOn() throws IOException {
    List<String> decided = Files.readAllLines(Path.of("src/test/resources/engine-rest-endpoints.txt"));
    List<String> registered = EngineRestEndpoints.all().stream().map(Object::toString).sorted().toList();

    assertThat(registered).as("endpoints Camunda registers; decide on new ones in EngineRestAllowList, then"
        + " list them in engine-rest-endpoints.txt").containsExactlyInAnyOrderElementsOf(decided);
  }

  @Test
  void everyEndpointAnswersAsTheAllowListSaysForEveryGroup() {
    Map<String, String> members = new LinkedHashMap<>();
    for (String group : Groups.ALL) {
      members.put(group, TestUsers.ensure(engine.getIdentityService(), "walk-" + group, group));
    }
    members.put(Groups.CAMUNDA_ADMIN, TestUsers.ensure(engine.getIdentityService(), "walk-admin", Groups.CAMUNDA_ADMIN));
    List<String> wrong = new ArrayList<>();
    int refused = 0;
    for (EngineRestEndpoints.Endpoint endpoint : EngineRestEndpoints.all()) {
      String path = "/engine-rest" + endpoint.path().replaceAll("\\{[^}]+}", "walk-id");
      for (Map.Entry<String, String> member : members.entrySet()) {
        boolean allowed = EngineRestAllowList.decide(endpoint.method(), EnginePaths.target(path), true,
            Set.of(member.getKey())).allowed();
        HttpResponse<String> response = http.as(member.getValue(), TestUsers.PASSWORD)
            .call(endpoint.method(), path, null, null);
        boolean guardRefused = response.headers().firstValue(EngineRestGuard.REFUSED_HEADER).isPresent();
        if (guardRefused == allowed || guardRefused && response.statusCode() != 403) {
          wrong.add(member.getKey() + " " + endpoint + ": " + response.statusCode() + " " + response.body());
        }
        refused += guardRefused ? 1 : 0;
      }
    }
    assertThat(wrong).isEmpty();
    assertThat(refused).as("refusals across all groups").isGreaterThan(2500);
  }
}
