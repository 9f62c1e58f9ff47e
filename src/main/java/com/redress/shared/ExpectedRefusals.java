package com.redress.shared;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import jakarta.annotation.PostConstruct;
import org.camunda.bpm.engine.AuthorizationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.springframework.stereotype.Component;

/**
 * Keeps expected refusals out of the error log. The engine logs every exception that ends a command
 * at ERROR with its stack trace ("ENGINE-16004 Exception while closing command context"), also a
 * form value Redress refused or a permission the user lacks: answers the user already has (400,
 * 403) and an operator needs no stack trace for. Those are logged once, at INFO, where they arise
 * ({@link CompletionCheck}, the start form, the four-eyes and start-at-activity guards). The engine
 * logs a denial by its own authorization check at DEBUG; one wrapped in another failure reaches the
 * error log and gets its one line here. Every other failure keeps its ERROR and stack trace: the
 * engine's command logging as a whole stays on.
 */
@Component
class ExpectedRefusals {

  /** The logger of the engine's "Exception while closing command context". */
  static final String ENGINE_COMMAND_LOGGER = "org.camunda.bpm.engine.context";
  private static final Logger LOG = LoggerFactory.getLogger(ExpectedRefusals.class);
  private static final String FILTER_NAME = "redress-expected-refusals";

  /** After Spring Boot has configured Logback, which replaces the filters of an earlier start. */
  @PostConstruct
  void install() {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logback
        && logback.getTurboFilterList().stream().noneMatch(f -> FILTER_NAME.equals(f.getName()))) {
      TurboFilter filter = new Filter();
      filter.setName(FILTER_NAME);
      filter.start();
      logback.addTurboFilter(filter);
    }
  }

  static final class Filter extends TurboFilter {

    @Override
    public FilterReply decide(Marker marker, ch.qos.logback.classic.Logger logger, Level level, String format,
        Object[] params, Throwable t) {
      if (level != Level.ERROR || !ENGINE_COMMAND_LOGGER.equals(logger.getName())) {
        return FilterReply.NEUTRAL;
      }
      Throwable thrown = t != null ? t
          : params != null && params.length > 0 && params[params.length - 1] instanceof Throwable last ? last : null;
      for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
        if (CompletionCheck.isRefusal(cause)) {
          return FilterReply.DENY;
        }
        if (cause instanceof AuthorizationException denied) {
          if (!denied.getMissingAuthorizations().isEmpty()) {
            LOG.info("Refused by the engine's authorizations: {}", denied.getMessage());
          }
          return FilterReply.DENY;
        }
      }
      return FilterReply.NEUTRAL;
    }
  }
}
