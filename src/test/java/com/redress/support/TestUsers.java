package com.redress.support;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/** Creates staff users for tests (the demo users exist only in the demo profile). */
public final class TestUsers {

  public static final String PASSWORD = "test-password";

  private TestUsers() {
  }

  /** As {@link #ensure}, with an e-mail address for notifications. */
  public static String ensureWithEmail(IdentityService identity, String userId, String email, String... groups) {
    ensure(identity, userId, groups);
    User user = identity.createUserQuery().userId(userId).singleResult();
    if (!email.equals(user.getEmail())) {
      user.setEmail(email);
      identity.saveUser(user);
    }
    return userId;
  }

  /** Ensures {@code userId} exists with {@link #PASSWORD} and is a member of {@code groups}. */
  public static String ensure(IdentityService identity, String userId, String... groups) {
    if (identity.createUserQuery().userId(userId).count() == 0) {
      User user = identity.newUser(userId);
      user.setFirstName(userId);
      user.setLastName("Test");
      user.setPassword(PASSWORD);
      identity.saveUser(user);
    }
    for (String group : groups) {
      if (identity.createUserQuery().userId(userId).memberOfGroup(group).count() == 0) {
        identity.createMembership(userId, group);
      }
    }
    return userId;
  }
}
