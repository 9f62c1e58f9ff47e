package com.redress.classification;

import java.util.List;

/** The Camunda groups a complaint can be routed to for handling. */
public final class HandlerGroups {

  public static final List<String> ALL = List.of("team-service", "team-billing", "team-logistics", "team-safety");

  private HandlerGroups() {
  }
}
