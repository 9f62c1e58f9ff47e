package com.redress.identity;

import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Engine work that is Redress's own, whoever's request led to it (a privacy officer's correction or
 * erasure keeps the engine's copies in step): who may ask was checked before (SecurityConfig), and
 * the asker has no permission on the cases themselves. Runs without an authenticated user, so the
 * engine's authorization checks do not apply, and restores the caller afterwards. Services change
 * the engine's current user in mid-work only here (CamundaIdentityFilter sets it per request).
 */
@Component
public class AsRedress {

  private final IdentityService identity;

  AsRedress(@Lazy IdentityService identity) {
    this.identity = identity;
  }

  public void run(Runnable engineWork) {
    call(() -> {
      engineWork.run();
      return null;
    });
  }

  public <T> T call(Supplier<T> engineWork) {
    return switched(null, List.of(), engineWork);
  }

  /**
   * {@code work} with {@code userId} as the engine's current user, keeping the caller's groups: for
   * work done in the background on someone's behalf, which audit events must name (a migration run).
   */
  public <T> T callNaming(String userId, Supplier<T> work) {
    var caller = identity.getCurrentAuthentication();
    return switched(userId, caller == null ? List.of() : caller.getGroupIds(), work);
  }

  /** {@code work} as {@code userId} with {@code groups} (null: no authenticated user), then the caller again. */
  private <T> T switched(String userId, List<String> groups, Supplier<T> work) {
    var caller = identity.getCurrentAuthentication();
    if (userId == null) {
      identity.clearAuthentication();
    } else {
      identity.setAuthentication(userId, groups);
    }
    try {
      return work.get();
    } finally {
      if (caller == null) {
        identity.clearAuthentication();
      } else {
        identity.setAuthentication(caller);
      }
    }
  }
}
