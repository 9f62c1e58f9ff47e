package com.redress.identity;

import java.util.Collection;
import java.util.List;

/**
 * The staff pages and who may open them: one list for the security rules ({@link SecurityConfig})
 * and the navigation every staff page shows, so that no page links where its reader gets a 403.
 */
public enum StaffArea {

  /** Published award results: all staff. */
  AWARDS("/awards/**"),
  /** Home, sign-in and sign-out: all staff. */
  STAFF("/staff/**"),
  AUDIT("/audit/**", Groups.AUDITORS, Groups.CAMUNDA_ADMIN),
  REPORTS("/reports/**", Groups.SERVICE_MANAGERS, Groups.AUDITORS, Groups.CAMUNDA_ADMIN),
  ANALYSIS("/analysis/**", Groups.PROCESS_ANALYSTS, Groups.CAMUNDA_ADMIN),
  PRIVACY("/privacy/**", Groups.PRIVACY_OFFICERS, Groups.CAMUNDA_ADMIN),
  /** Mails to the intake mailbox that became no complaint: for the agents who record complaints. */
  INTAKE("/intake/**", Groups.INTAKE_AGENTS, Groups.CAMUNDA_ADMIN),
  /** Metrics describe the running system: for its operators (managers have the KPI dashboard). */
  METRICS("/actuator/**", Groups.CAMUNDA_ADMIN),
  /**
   * Camunda's Cockpit and Admin check their own authorizations (Cockpit's application access is
   * granted in {@link IdentitySetup}); listed here for the navigation only.
   */
  COCKPIT("/camunda/app/cockpit/**", Groups.AUDITORS, Groups.PROCESS_ANALYSTS, Groups.CAMUNDA_ADMIN),
  ADMIN("/camunda/app/admin/**", Groups.CAMUNDA_ADMIN);

  /** The one sign-in page of all staff pages, and where signing in without asking for a page lands. */
  public static final String LOGIN_PAGE = "/staff/login";
  public static final String HOME = "/staff";

  /** The areas Redress's own security rules guard (Cockpit and Admin guard themselves). */
  static final List<StaffArea> PAGES = List.of(STAFF, AWARDS, AUDIT, REPORTS, ANALYSIS, PRIVACY, INTAKE,
      METRICS);

  private final String pattern;
  private final List<String> groups;

  StaffArea(String pattern, String... groups) {
    this.pattern = pattern;
    this.groups = List.of(groups);
  }

  public String pattern() {
    return pattern;
  }

  /** The groups that may open it; empty: every signed-in member of staff. */
  public List<String> groups() {
    return groups;
  }

  public boolean openTo(Collection<String> memberOf) {
    return groups.isEmpty() || groups.stream().anyMatch(memberOf::contains);
  }
}
