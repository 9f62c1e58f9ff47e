package com.redress.identity;

import java.util.List;


/** The Camunda groups of Redress (docs/security.md §3), by id, with the names Admin shows. */
public final class Groups {

  public static final String INTAKE_AGENTS = "intake-agents";
  public static final String DISPATCHERS = "dispatchers";
  public static final String TEAM_SERVICE = "team-service";
  public static final String TEAM_BILLING = "team-billing";
  public static final String TEAM_LOGISTICS = "team-logistics";
  public static final String TEAM_SAFETY = "team-safety";
  public static final String SUPERVISORS = "supervisors";
  public static final String SERVICE_MANAGERS = "service-managers";
  public static final String FINANCE = "finance";
  public static final String QUALITY_REVIEWERS = "quality-reviewers";
  public static final String AWARD_COMMITTEE = "award-committee";
  public static final String AUDITORS = "auditors";
  public static final String PROCESS_ANALYSTS = "process-analysts";
  /** Act on customers' rights: export, correction, erasure (docs/security.md §3). */
  public static final String PRIVACY_OFFICERS = "privacy-officers";
  /** Created by Camunda's admin-user setting with every permission. */
  public static final String CAMUNDA_ADMIN = "camunda-admin";

  /**
   * Every group Redress creates. Their display names are {@code group.<id>} in the message bundles,
   * in the installation's language (IdentitySetup).
   */
  public static final List<String> ALL = List.of(INTAKE_AGENTS, DISPATCHERS, TEAM_SERVICE, TEAM_BILLING, TEAM_LOGISTICS, TEAM_SAFETY, SUPERVISORS, SERVICE_MANAGERS, FINANCE, QUALITY_REVIEWERS, AWARD_COMMITTEE, AUDITORS, PROCESS_ANALYSTS, PRIVACY_OFFICERS);

  private Groups() {
  }
}
