package com.redress.award;

import com.redress.audit.AuditTrail;
import com.redress.identity.Groups;
import com.redress.language.InstallationTexts;
import com.redress.language.Phrase;
import com.redress.notification.NotificationService;
import com.redress.notification.OutgoingMessage;
import com.redress.shared.AppClock;
import com.redress.shared.BusinessCalendar;
import com.redress.shared.ConflictException;
import com.redress.shared.Csv;
import com.redress.shared.FieldProblem;
import com.redress.shared.InvalidRequestException;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Approved awards published to all staff, the objection window, the committee's decisions on
 * objections (an upheld one changes the list and republishes it), and the final payout list.
 */
@Service
public class AwardPublication {

  static final String UPHOLD = "UPHOLD";
  static final String DISMISS = "DISMISS";
  static final int MIN_REASON = 10;
  static final int MAX_REASON = 2000;

  private final AwardRunRepository runs;
  private final AwardService awards;
  private final AwardSettings settings;
  private final BusinessCalendar calendar;
  private final AppClock clock;
  private final AuditTrail audit;
  private final NotificationService notifications;
  private final IdentityService identity;
  private final RuntimeService runtime;
  private final String baseUrl;

  private final InstallationTexts texts;

  AwardPublication(AwardRunRepository runs, AwardService awards, AwardSettings settings, BusinessCalendar calendar,
      AppClock clock, AuditTrail audit, NotificationService notifications, IdentityService identity,
      RuntimeService runtime, @Value("${redress.public-base-url}") String baseUrl, InstallationTexts texts) {
    this.texts = texts;
    this.runs = runs;
    this.awards = awards;
    this.settings = settings;
    this.calendar = calendar;
    this.clock = clock;
    this.audit = audit;
    this.notifications = notifications;
    this.identity = identity;
    this.runtime = runtime;
    this.baseUrl = baseUrl;
  }

  /** Publishes the approved awards and opens the objection window; returns when it closes. */
  @Transactional
  public OffsetDateTime publish(String runId) {
    OffsetDateTime now = clock.nowInBusinessZone();
    OffsetDateTime due = calendar.plus(now.toInstant(),
        calendar.workingDay().multipliedBy(settings.objectionBusinessDays())).atZone(clock.businessZone())
        .toOffsetDateTime();
    runs.publish(runId, now, due);
    audit.recordDomainChange(runId, "award-published", Map.of("winners", winners(runId), "objectionDue",
        due.toString()));
    tellStaff(runId, "published");
    return due;
  }

  /** Any member of staff objects, with a reason, while the window is open. */
  @Transactional
  public long object(String runId, String user, String reason) {
    String text = reason == null ? "" : reason.strip();
    if (text.length() < MIN_REASON || text.length() > MAX_REASON) {
      throw new InvalidRequestException(List.of(FieldProblem.of("reason", Phrase.LENGTH_BETWEEN, MIN_REASON, MAX_REASON)));
    }
    String status = runs.lockStatus(runId).orElseThrow(() -> new com.redress.shared.NotFoundException(
        "No award run " + runId));
    AwardRun run = awards.get(runId);
    if (!AwardRun.Status.PUBLISHED.name().equals(status) || !clock.now().isBefore(run.objectionDue().toInstant())) {
      throw new ConflictException(409, run.objectionDue() == null ? Phrase.OBJECTIONS_NOT_OPEN.with(runId)
          : Phrase.OBJECTION_WINDOW_CLOSED.with(runId, run.objectionDue().atZoneSameInstant(clock.businessZone())
              .toLocalDate()));
    }
    long id = runs.insertObjection(runId, user, text, clock.nowInBusinessZone());
    audit.recordDomainChange(runId, "award-objection-filed", Map.of("objection", id, "by", user, "reason", text));
    runtime.createMessageCorrelation(EmployeeAwardProcess.MESSAGE_OBJECTION_FILED).processInstanceBusinessKey(runId)
        .setVariables(Variables.createVariables()
            .putValue(EmployeeAwardProcess.OBJECTION_ID.name(), id)
            .putValue(EmployeeAwardProcess.OBJECTION_TEXT.name(), user + ": " + text))
        .correlateWithResult();
    return id;
  }

  /** The committee upholds an objection (cutting the award it is about, then republishing) or dismisses it. */
  @Transactional
  public void decide(String runId, long objectionId, boolean uphold, String reason, String member, String cutHandler,
      String cutAward) {
    OffsetDateTime now = clock.nowInBusinessZone();
    if (uphold && !runs.cutItem(runId, cutHandler, cutAward, reason, member, "APPROVED")) {
      throw new IllegalArgumentException(cutHandler + " has no approved " + cutAward + " award");
    }
    runs.decideObjection(objectionId, uphold ? "UPHELD" : "DISMISSED", member, reason, now);
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("objection", objectionId);
    details.put("decision", uphold ? "UPHELD" : "DISMISSED");
    details.put("reason", reason);
    if (uphold) {
      details.put("cut", cutHandler + " " + cutAward);
    }
    audit.recordDomainChange(runId, "award-objection-decided", details);
    if (uphold) {
      audit.recordDomainChange(runId, "award-republished", Map.of("winners", winners(runId),
          "total", runs.approvedCash(runId).toPlainString()));
      tellStaff(runId, "republished-" + objectionId);
    }
  }

  /** Whether the objection exists for this run and is still undecided. */
  public boolean undecided(String runId, long objectionId) {
    return runs.objections(runId).stream().anyMatch(o -> o.id() == objectionId && o.decision() == null);
  }

  /** The window is over: the payout list is final. */
  @Transactional
  public void finish(String runId) {
    runs.finish(runId, clock.nowInBusinessZone());
    audit.recordDomainChange(runId, "award-final", Map.of("total", runs.approvedCash(runId).toPlainString(),
        "winners", winners(runId)));
  }

  public List<Objection> objections(String runId) {
    return runs.objections(runId);
  }

  /** The cash awards of a final run, for payroll (RFC 4180, one row per payment). */
  public String payoutCsv(String runId) {
    AwardRun run = awards.get(runId);
    if (run.status() != AwardRun.Status.FINAL) {
      throw new ConflictException(409, "The payout list of " + runId + " is final only after its objection window");
    }
    StringBuilder csv = new StringBuilder(Csv.row("run", "period", "employee", "award", "title", "amount", "currency"));
    for (AwardItem item : awards.items(runId)) {
      if ("APPROVED".equals(item.status()) && item.cash().amount().signum() > 0) {
        csv.append(Csv.row(runId, run.period(), item.handler(), item.award(), item.title(),
            item.cash().amount().toPlainString(), item.cash().currency()));
      }
    }
    return csv.toString();
  }

  private List<String> winners(String runId) {
    return awards.items(runId).stream().filter(i -> "APPROVED".equals(i.status()))
        .map(i -> i.handler() + ": " + i.title()).toList();
  }

  /** One e-mail per member of staff with an address, once per occasion. */
  private void tellStaff(String runId, String occasion) {
    String link = baseUrl + "/awards/" + runId;
    Map<String, User> staff = new LinkedHashMap<>();
    for (String group : Groups.ALL) {
      identity.createUserQuery().memberOfGroup(group).unlimitedList().forEach(u -> staff.putIfAbsent(u.getId(), u));
    }
    AwardRun run = awards.get(runId);
    for (User user : staff.values()) {
      if (user.getEmail() == null || user.getEmail().isBlank()) {
        continue;
      }
      notifications.enqueue(new OutgoingMessage(runId + ":" + occasion + ":" + user.getId(), runId, "AWARD_RESULTS",
          user.getEmail(), texts.text(occasion.startsWith("republished") ? "staff.mail.awardResults.subjectChanged"
              : "staff.mail.awardResults.subject", run.period()),
          "mail/award-results", Map.of("run", run, "winners", winners(runId), "link", link), texts.language()));
    }
  }
}
