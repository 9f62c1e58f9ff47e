package com.redress.staff;

import com.redress.award.AwardService;
import com.redress.identity.StaffArea;
import com.redress.language.InstallationTexts;
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
 * Labels and purposes are {@code staff.nav.*} messages in the installation's language.
 */
@Component("staffNavigation")
public class StaffNavigation {

  /** A destination: its name in the navigation, where it is, and what it is for on the home page. */
  public record Link(String label, String href, String purpose) {
  }

  private final AwardService awards;
  private final InstallationTexts texts;

  StaffNavigation(AwardService awards, InstallationTexts texts) {
    this.awards = awards;
    this.texts = texts;
  }

  public List<Link> links() {
    Authentication user = SecurityContextHolder.getContext().getAuthentication();
    Set<String> groups = user == null ? Set.of() : user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
        .collect(Collectors.toSet());
    List<Link> links = new ArrayList<>();
    links.add(link("tasklist", "/camunda/app/tasklist/"));
    awards.latestPublished().ifPresent(run -> links.add(new Link(texts.text("staff.nav.awards.label"),
        "/awards/" + run.id(), texts.text("staff.nav.awards.purpose", run.period()))));
    if (StaffArea.AUDIT.openTo(groups)) {
      links.add(link("audit", "/audit"));
      links.add(link("integrity", "/audit/integrity"));
    }
    if (StaffArea.REPORTS.openTo(groups)) {
      links.add(link("kpis", "/reports/kpis"));
    }
    if (StaffArea.ANALYSIS.openTo(groups)) {
      links.add(link("whatIf", "/analysis/what-if"));
      links.add(link("migrations", "/analysis/migrations"));
    }
    if (StaffArea.INTAKE.openTo(groups)) {
      links.add(link("mailIntake", "/intake/mail"));
    }
    if (StaffArea.PRIVACY.openTo(groups)) {
      links.add(link("privacy", "/privacy"));
    }
    if (StaffArea.COCKPIT.openTo(groups)) {
      links.add(link("cockpit", "/camunda/app/cockpit/"));
    }
    if (StaffArea.ADMIN.openTo(groups)) {
      links.add(link("admin", "/camunda/app/admin/"));
    }
    return links;
  }

  /** The destination named {@code staff.nav.<name>.label} and {@code staff.nav.<name>.purpose}. */
  private Link link(String name, String href) {
    return new Link(texts.text("staff.nav." + name + ".label"), href, texts.text("staff.nav." + name + ".purpose"));
  }
}
