package com.redress.identity;

import java.util.LinkedHashMap;
import java.util.Map;

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

  /** Every group Redress creates, with its display name. */
  public static final Map<String, String> ALL = new LinkedHashMap<>();

  static {
    ALL.put(INTAKE_AGENTS, "Intake agents");
    ALL.put(DISPATCHERS, "Dispatchers");
    ALL.put(TEAM_SERVICE, "Service team");
    ALL.put(TEAM_BILLING, "Billing team");
    ALL.put(TEAM_LOGISTICS, "Logistics team");
    ALL.put(TEAM_SAFETY, "Safety team");
    ALL.put(SUPERVISORS, "Supervisors");
    ALL.put(SERVICE_MANAGERS, "Service managers");
    ALL.put(FINANCE, "Finance");
    ALL.put(QUALITY_REVIEWERS, "Quality reviewers");
    ALL.put(AWARD_COMMITTEE, "Award committee");
    ALL.put(AUDITORS, "Auditors");
    ALL.put(PROCESS_ANALYSTS, "Process analysts");
    ALL.put(PRIVACY_OFFICERS, "Privacy officers");
  }

  private Groups() {
  }
}
