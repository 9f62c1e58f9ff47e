package com.redress.staff;

import com.redress.award.AwardService;
import com.redress.identity.StaffArea;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * What the signed-in member of staff may open, for the home page and the navigation of every staff
 * page (templates call {@code @staffNavigation.links()}): only links whose page would not refuse them.
 */
@Component("staffNavigation")
public class StaffNavigation {

  /** A destination: its name in the navigation, where it is, and what it is for on the home page. */
  public record Link(String label, String href, String purpose) {
  }

  private final AwardService awards;

  StaffNavigation(AwardService awards) {
    this.awards = awards;
  }

  public List<Link> links() {
    Authentication user = SecurityContextHolder.getContext().getAuthentication();
    Set<String> groups = user == null ? Set.of() : user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
        .collect(Collectors.toSet());
    List<Link> links = new ArrayList<>();
    links.add(new Link("Tasklist", "/camunda/app/tasklist/", "Claim and complete the tasks of your teams."));
    awards.latestPublished().ifPresent(run -> links.add(new Link("Award results", "/awards/" + run.id(),
        "The published awards of " + run.period() + ", how each score was made, and objections.")));
    if (StaffArea.AUDIT.openTo(groups)) {
      links.add(new Link("Audit search", "/audit", "Find a complaint and read its story, its diagram path and its record."));
      links.add(new Link("Integrity", "/audit/integrity", "Check that no audit record was changed or removed."));
    }
    if (StaffArea.REPORTS.openTo(groups)) {
      links.add(new Link("KPI dashboard", "/reports/kpis", "Volumes, SLA compliance, satisfaction and costs by month."));
    }
    if (StaffArea.ANALYSIS.openTo(groups)) {
      links.add(new Link("What-if", "/analysis/what-if", "Replay past complaints against a changed decision table."));
    }
    if (StaffArea.PRIVACY.openTo(groups)) {
      links.add(new Link("Customers' data", "/privacy", "Find a customer's data to export it or correct it."));
    }
    if (StaffArea.COCKPIT.openTo(groups)) {
      links.add(new Link("Cockpit", "/camunda/app/cockpit/", "Running and finished processes, incidents, decisions."));
    }
    if (StaffArea.ADMIN.openTo(groups)) {
      links.add(new Link("Admin", "/camunda/app/admin/", "Users, groups and authorizations."));
    }
    return links;
  }
}
