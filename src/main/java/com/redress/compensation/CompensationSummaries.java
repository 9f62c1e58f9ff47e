package com.redress.compensation;

import com.redress.complaint.CompensationInfo;
import com.redress.shared.Money;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The compensation of a complaint as the complaint's views, e-mails and pages show it. */
@Component
class CompensationSummaries implements CompensationInfo {

  private final CompensationService compensations;

  CompensationSummaries(CompensationService compensations) {
    this.compensations = compensations;
  }

  @Override
  public Optional<Summary> latest(String reference) {
    return compensations.latestOf(reference).map(this::summary);
  }

  @Override
  public List<Summary> all(String reference) {
    return compensations.allOf(reference).stream().map(this::summary).toList();
  }

  private Summary summary(Compensation c) {
    Optional<Compensation.Issue> issue = compensations.issued(c.id());
    return new Summary(c.id(), c.type(), new Money(c.amount(), c.currency()),
        new Money(c.currentAmount(), c.currency()), c.reason(), c.status().name(),
        issue.map(Compensation.Issue::code).orElse(null), issue.map(Compensation.Issue::issuedAt).orElse(null),
        c.bandName(), c.approverGroups(), c.overBudget(),
        compensations.decisions(c.id()).stream().map(d -> new Decision(d.step(), d.approverGroup(), d.decidedBy(),
            d.verdict().name(), d.amountAfter() == null ? null : new Money(d.amountAfter(), c.currency()), d.reason(),
            d.decidedAt())).toList());
  }
}
