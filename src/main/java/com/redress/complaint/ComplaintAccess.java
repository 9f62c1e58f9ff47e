package com.redress.complaint;

import com.redress.identity.Groups;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Need-to-know access to complaints (docs/security.md §3, "Whose complaints a member of staff
 * reads"): which complaints a signed-in member of staff may read, and how much of the customer
 * they see. Which complaints: conditions in SQL that the list and the single read share
 * ({@link ComplaintRepository}); what does not pass them does not exist for that reader.
 *
 * @param reader the member of staff
 * @param everything every complaint (supervisors, service managers, auditors, privacy officers,
 *     administrators)
 * @param contactEverything the customer in full in every complaint they read (supervisors, privacy
 *     officers, administrators)
 * @param teams complaints of these handling teams
 * @param handledBy complaints this team member handled or resolved
 * @param recordedBy complaints this intake agent recorded
 * @param dispatcher complaints waiting for triage, and those this dispatcher classified
 * @param reviewer complaints on their way to the quality review, and those this reviewer reviewed
 * @param compensated complaints with a compensation proposal (finance)
 */
public record ComplaintAccess(String reader, boolean everything, boolean contactEverything, Set<String> teams,
    String handledBy, String recordedBy, String dispatcher, String reviewer, boolean compensated) {

  /** How much of the customer a reader sees. */
  public enum CustomerDetail {
    /** Name, e-mail and phone: the reader may have to contact the customer. */
    FULL,
    /** The name; e-mail and phone masked. */
    MASKED,
    /** Only the customer's id, nothing the customer wrote: finance pays, it does not talk to the customer. */
    REFERENCE
  }

  private static final Set<String> HANDLER_TEAMS = Set.of(Groups.TEAM_SERVICE, Groups.TEAM_BILLING,
      Groups.TEAM_LOGISTICS, Groups.TEAM_SAFETY);
  private static final Set<String> READ_EVERYTHING = Set.of(Groups.SUPERVISORS, Groups.SERVICE_MANAGERS,
      Groups.AUDITORS, Groups.PRIVACY_OFFICERS, Groups.CAMUNDA_ADMIN);
  /** Who may have to contact the customer of any complaint they read (privacy officers answer their requests). */
  private static final Set<String> CONTACT_EVERYTHING = Set.of(Groups.SUPERVISORS, Groups.PRIVACY_OFFICERS,
      Groups.CAMUNDA_ADMIN);

  /** Statuses in which a complaint is on its way to the quality review (survey open or done). */
  static final Set<ComplaintStatus> BEFORE_REVIEW = Set.of(ComplaintStatus.AWAITING_FEEDBACK, ComplaintStatus.RESOLVED);

  /** What the signed-in member of staff may read. */
  public static ComplaintAccess of(Authentication authentication) {
    Set<String> groups = new TreeSet<>();
    for (GrantedAuthority authority : authentication.getAuthorities()) {
      groups.add(authority.getAuthority());
    }
    String user = authentication.getName();
    Set<String> teams = new TreeSet<>(groups);
    teams.retainAll(HANDLER_TEAMS);
    return new ComplaintAccess(user, groups.stream().anyMatch(READ_EVERYTHING::contains),
        groups.stream().anyMatch(CONTACT_EVERYTHING::contains), teams,
        teams.isEmpty() ? null : user,
        groups.contains(Groups.INTAKE_AGENTS) ? user : null,
        groups.contains(Groups.DISPATCHERS) ? user : null,
        groups.contains(Groups.QUALITY_REVIEWERS) ? user : null,
        groups.contains(Groups.FINANCE));
  }

  /**
   * How much of the customer of a complaint they may read this reader sees: in full where their work
   * may mean contacting the customer (its team, its handlers, supervisors), only as an id where
   * nothing but finance's compensations lets them read it, masked otherwise.
   */
  CustomerDetail detail(Complaint complaint, Collection<String> handlers) {
    if (contactEverything || ownCase(complaint, handlers)) {
      return CustomerDetail.FULL;
    }
    return grantedBeyondCompensation(complaint) ? CustomerDetail.MASKED : CustomerDetail.REFERENCE;
  }

  /** In lists contact details are masked for everyone; a row only finance's compensations let them read, an id. */
  CustomerDetail inList(Complaint complaint) {
    boolean beyondCompensation = contactEverything || ownCase(complaint, List.of())
        || grantedBeyondCompensation(complaint);
    return beyondCompensation ? CustomerDetail.MASKED : CustomerDetail.REFERENCE;
  }

  /** The handler's own case (the same rules as the SQL's team and handler conditions). */
  private boolean ownCase(Complaint c, Collection<String> handlers) {
    boolean team = c.classification() != null && teams.contains(c.classification().handlerGroup());
    boolean handled = handledBy != null && (handlers.contains(handledBy)
        || c.outcome() != null && handledBy.equals(c.outcome().resolvedBy()));
    return team || handled;
  }

  /** Readable by a rule other than finance's (the SQL's other conditions). */
  private boolean grantedBeyondCompensation(Complaint c) {
    boolean recorded = recordedBy != null && recordedBy.equals(c.recordedBy());
    boolean triage = dispatcher != null && (c.status() == ComplaintStatus.TRIAGE
        || c.classification() != null && dispatcher.equals(c.classification().classifiedBy()));
    boolean review = reviewer != null && (BEFORE_REVIEW.contains(c.status())
        || c.qualityReview() != null && reviewer.equals(c.qualityReview().reviewedBy()));
    return everything || recorded || triage || review;
  }
}
