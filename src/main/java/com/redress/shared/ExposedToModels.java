package com.redress.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A bean whose properties a model's expressions may read (e.g. {@code ${awardSchedule.cron}}). The
 * model check refuses every other bean in an expression: through the engine's expression language a
 * deployed model reaches any Spring bean, so this list is what analysts may touch besides delegates.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ExposedToModels {
}
