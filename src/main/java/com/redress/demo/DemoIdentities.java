package com.redress.demo;

import com.redress.identity.Groups;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Demo profile only: one user per group (password "demo") so every role can be tried at once. */
@Component
@Profile("demo")
class DemoIdentities {

  /** The demo password; this class exists only in the demo profile. */
  static final String PASSWORD = "demo";

  record DemoUser(String id, String firstName, String lastName, List<String> groups) {
  }

  /** The demo user who works the tasks of {@code group} (each group has one). */
  static String memberOf(String group) {
    return USERS.stream().filter(u -> u.groups().contains(group)).map(DemoUser::id).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("No demo user in group " + group));
  }

  static final List<DemoUser> USERS = List.of(
      new DemoUser("ivy", "Ivy", "Intake", List.of(Groups.INTAKE_AGENTS)),
      new DemoUser("dan", "Dan", "Dispatch", List.of(Groups.DISPATCHERS)),
      new DemoUser("sara", "Sara", "Service", List.of(Groups.TEAM_SERVICE)),
      new DemoUser("bill", "Bill", "Billing", List.of(Groups.TEAM_BILLING)),
      new DemoUser("leo", "Leo", "Logistics", List.of(Groups.TEAM_LOGISTICS)),
      new DemoUser("sam", "Sam", "Safety", List.of(Groups.TEAM_SAFETY)),
      new DemoUser("sue", "Sue", "Supervisor", List.of(Groups.SUPERVISORS)),
      new DemoUser("max", "Max", "Manager", List.of(Groups.SERVICE_MANAGERS)),
      new DemoUser("fiona", "Fiona", "Finance", List.of(Groups.FINANCE)),
      new DemoUser("quinn", "Quinn", "Quality", List.of(Groups.QUALITY_REVIEWERS)),
      new DemoUser("carla", "Carla", "Committee", List.of(Groups.AWARD_COMMITTEE)),
      new DemoUser("audrey", "Audrey", "Auditor", List.of(Groups.AUDITORS)),
      new DemoUser("ana", "Ana", "Analyst", List.of(Groups.PROCESS_ANALYSTS)),
      new DemoUser("pia", "Pia", "Privacy", List.of(Groups.PRIVACY_OFFICERS)));

  private final IdentityService identityService;

  DemoIdentities(IdentityService identityService) {
    this.identityService = identityService;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(3)
  public void setUp() {
    for (DemoUser demo : USERS) {
      if (identityService.createUserQuery().userId(demo.id()).count() == 0) {
        User user = identityService.newUser(demo.id());
        user.setFirstName(demo.firstName());
        user.setLastName(demo.lastName());
        user.setEmail(demo.id() + "@redress.example");
        user.setPassword(PASSWORD);
        identityService.saveUser(user);
      }
      for (String group : demo.groups()) {
        if (identityService.createUserQuery().userId(demo.id()).memberOfGroup(group).count() == 0) {
          identityService.createMembership(demo.id(), group);
        }
      }
    }
  }
}
