package com.redress.identity;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Engine work that is Redress's own, whoever's request led to it (a privacy officer's correction or
 * erasure keeps the engine's copies in step): who may ask was checked before (SecurityConfig), and
 * the asker has no permission on the cases themselves. Runs without an authenticated user, so the
 * engine's authorization checks do not apply, and restores the caller afterwards.
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
    var caller = identity.getCurrentAuthentication();
    identity.clearAuthentication();
    try {
      return engineWork.get();
    } finally {
      if (caller != null) {
        identity.setAuthentication(caller);
      }
    }
  }
}
