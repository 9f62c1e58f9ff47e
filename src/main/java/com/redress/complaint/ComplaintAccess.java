package com.redress.complaint;

import com.redress.identity.Groups;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Need-to-know access to complaints (docs/security.md §3, "Whose complaints a member of staff
 * reads"): which complaints a signed-in member of staff may read, and how much of the customer
 * they see. The list and the single read apply the same conditions, in SQL
 * ({@link ComplaintRepository}); what does not pass them does not exist for that reader.
 */
public record ComplaintAccess(
    /** Every complaint: supervisors, service managers, auditors, privacy officers, administrators. */
    boolean everything,
    /** Complaints of these handling teams. */
    Set<String> teams,
    /** Complaints this user handled or resolved (any handler). */
    String handledBy,
    /** Complaints this user recorded (intake agents). */
    String recordedBy,
    /** Complaints waiting for a dispatcher, and those this user classified (dispatchers). */
    String dispatcher,
    /** Complaints on their way to the quality review, and those this user reviewed (quality reviewers). */
    String reviewer,
    /** Complaints with a compensation proposal (finance). */
    boolean compensated) {

  /** How much of the customer a reader sees. */
  public enum CustomerDetail {
    /** Name, e-mail and phone: the reader may have to contact the customer. */
    FULL,
    /** The name; e-mail and phone masked. */
    MASKED,
    /** Only the customer's id: finance pays a compensation, it does not talk to the customer. */
    REFERENCE
  }

  private static final Set<String> HANDLER_TEAMS = Set.of(Groups.TEAM_SERVICE, Groups.TEAM_BILLING,
      Groups.TEAM_LOGISTICS, Groups.TEAM_SAFETY);
  private static final Set<String> READ_EVERYTHING = Set.of(Groups.SUPERVISORS, Groups.SERVICE_MANAGERS,
      Groups.AUDITORS, Groups.PRIVACY_OFFICERS, Groups.CAMUNDA_ADMIN);
  /** Who may have to contact the customer of any complaint they read (privacy officers answer their requests). */
  private static final Set<String> CONTACT_EVERYTHING = Set.of(Groups.SUPERVISORS, Groups.PRIVACY_OFFICERS,
      Groups.CAMUNDA_ADMIN);

  /** What the signed-in member of staff may read. */
  public static ComplaintAccess of(Authentication authentication) {
    Set<String> groups = groups(authentication);
    String user = authentication.getName();
    Set<String> teams = new TreeSet<>(groups);
    teams.retainAll(HANDLER_TEAMS);
    return new ComplaintAccess(groups.stream().anyMatch(READ_EVERYTHING::contains), teams,
        teams.isEmpty() ? null : user,
        groups.contains(Groups.INTAKE_AGENTS) ? user : null,
        groups.contains(Groups.DISPATCHERS) ? user : null,
        groups.contains(Groups.QUALITY_REVIEWERS) ? user : null,
        groups.contains(Groups.FINANCE));
  }

  /** Statuses in which a complaint is on its way to the quality review (survey open or done). */
  static final Set<ComplaintStatus> BEFORE_REVIEW = Set.of(ComplaintStatus.AWAITING_FEEDBACK, ComplaintStatus.RESOLVED);

  /**
   * How much of the customer this reader sees of a complaint they may read: in full where their work
   * may mean contacting the customer (its team, its handlers, supervisors), else as in lists.
   */
  CustomerDetail detail(Authentication authentication, Complaint complaint, Collection<String> handlers) {
    String user = authentication.getName();
    boolean ownCase = complaint.classification() != null && teams.contains(complaint.classification().handlerGroup())
        || handlers.contains(user) || complaint.outcome() != null && user.equals(complaint.outcome().resolvedBy());
    if (ownCase || groups(authentication).stream().anyMatch(CONTACT_EVERYTHING::contains)) {
      return CustomerDetail.FULL;
    }
    return inLists();
  }

  /**
   * Lists show contact details masked; a reader whom only finance's compensations let read sees
   * the customer as an id.
   */
  CustomerDetail inLists() {
    boolean onlyCompensations = compensated && !everything && teams.isEmpty() && recordedBy == null
        && dispatcher == null && reviewer == null;
    return onlyCompensations ? CustomerDetail.REFERENCE : CustomerDetail.MASKED;
  }

  private static Set<String> groups(Authentication authentication) {
    Set<String> groups = new TreeSet<>();
    for (GrantedAuthority authority : authentication.getAuthorities()) {
      groups.add(authority.getAuthority());
    }
    return groups;
  }
}
