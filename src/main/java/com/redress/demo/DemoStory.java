package com.redress.demo;

import com.redress.RedressApplication;
import com.redress.award.AwardPublication;
import com.redress.award.AwardService;
import com.redress.award.EmployeeAwardProcess;
import com.redress.compensation.CompensationApprovalProcess;
import com.redress.complaint.Category;
import com.redress.complaint.Channel;
import com.redress.complaint.ComplaintHandlingProcess;
import com.redress.complaint.ComplaintService;
import com.redress.complaint.CustomerTier;
import com.redress.complaint.NewComplaint;
import com.redress.identity.Groups;
import com.redress.language.InstallationTexts;
import com.redress.shared.AppClock;
import com.redress.shared.Database;
import com.redress.shared.Money;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Demo profile only, on the first start: three months of Redress's life, back-dated through the real
 * processes (the engine's clock moved, never rows inserted), so that every persona finds something.
 * Complaints of every category, channel and tier end resolved, compensated, lowered, reopened,
 * escalated, triaged or with the survey unanswered, each with its quality review; last month's award
 * run is published with an innovation nomination and a decided objection; and this month's work waits
 * in every demo user's Tasklist. The clock is the whole JVM's, so the story ends before the web server
 * and the job executor start, and the clock is back to now before they do (ADR 0015). It is told on a
 * thread of its own while Spring goes on building the web layer, which uses neither the engine nor
 * its clock; the web server waits for it.
 */
@Component
@Profile("demo")
class DemoStory implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(DemoStory.class);
  /** Before the web server starts (Spring Boot's phase for it is Integer.MAX_VALUE - 2048). */
  private static final int BEFORE_THE_WEB_SERVER = Integer.MAX_VALUE - 4096;
  private static final String REDRESS_PACKAGE = RedressApplication.class.getPackageName() + ".";
  /** One complaint's life takes well under a second; a cut-short story stops at the next one. */
  private static final Duration STORY_STOPS_WITHIN = Duration.ofSeconds(30);
  /**
   * Closed complaints per past month, the oldest first; in the last one the busiest teams' handlers
   * reach the five complaints a ranking needs ({@code redress.awards.minimum-complaints}).
   */
  private static final int[] CLOSED_PER_MONTH = {12, 14, 24};

  /** How a complaint's life goes. */
  enum Plot { RESOLVED, COMPENSATED, COMPENSATED_BY_MANAGER, LOWERED, REOPENED, UNANSWERED, ESCALATED }

  private static final List<Plot> PLOTS = List.of(Plot.RESOLVED, Plot.COMPENSATED, Plot.RESOLVED, Plot.REOPENED,
      Plot.UNANSWERED, Plot.RESOLVED, Plot.ESCALATED, Plot.COMPENSATED_BY_MANAGER, Plot.RESOLVED, Plot.LOWERED);
  private static final List<Category> CATEGORIES = List.of(Category.DAMAGE, Category.DELAY, Category.SERVICE_QUALITY,
      Category.BILLING, Category.STAFF_BEHAVIOUR, Category.SAFETY, Category.OTHER);
  /** The customers' mailboxes, in the order of their names in {@code demo.customers} (demo.properties). */
  private static final List<String> MAILBOXES = List.of("li.wei", "zhang.min", "wang.fang", "liu.yang", "chen.jie",
      "yang.lei", "zhao.xin", "huang.ting", "zhou.hao", "wu.lan", "xu.ming", "sun.li", "ma.jun", "zhu.hong",
      "hu.bin", "guo.jing", "he.ping", "lin.na", "gao.yan", "luo.qiang");

  private final DemoDriver demo;
  private final ComplaintService complaints;
  private final AwardService awards;
  private final AwardPublication publication;
  private final AppClock clock;
  private final Database database;
  private final JdbcTemplate jdbc;
  private final InstallationTexts texts;
  private final ConfigurableListableBeanFactory beans;
  private volatile boolean running;
  private Thread teller;
  private volatile boolean cancelled;
  private int told;

  DemoStory(DemoDriver demo, ComplaintService complaints, AwardService awards, AwardPublication publication,
      AppClock clock, Database database, JdbcTemplate jdbc, InstallationTexts texts,
      ConfigurableListableBeanFactory beans) {
    this.beans = beans;
    this.texts = texts;
    this.demo = demo;
    this.complaints = complaints;
    this.awards = awards;
    this.publication = publication;
    this.clock = clock;
    this.database = database;
    this.jdbc = jdbc;
  }

  /**
   * Begins the story on its own thread, once: a restart finds its data. The processes resolve their
   * delegates and listeners (Redress's beans) by name from that thread, and Redress's beans reach
   * the engine's services, so all of these are created first; the thread then only reads finished
   * singletons while this one goes on creating the rest (Spring's and the webapps').
   */
  @PostConstruct
  void begin() {
    if (!complaints.isEmpty()) {
      return;
    }
    for (String name : beans.getBeanDefinitionNames()) {
      BeanDefinition definition = beans.getBeanDefinition(name);
      if (definition.isSingleton() && !definition.isAbstract() && !definition.isLazyInit()
          && !beans.isCurrentlyInCreation(name) && (isStoryBean(name) || definition.getFactoryBeanName() != null
              && isStoryBean(definition.getFactoryBeanName()))) {
        beans.getBean(name);
      }
    }
    teller = new Thread(this::tell, "demo-story");
    teller.setDaemon(true);
    teller.start();
  }

  /** A bean of Redress's (its delegates, listeners, services) or one of the engine's services. */
  private boolean isStoryBean(String name) {
    Class<?> type = beans.getType(name, false);
    return type != null && (type.getName().startsWith(REDRESS_PACKAGE)
        || type.getPackageName().equals(ProcessEngine.class.getPackageName()));
  }

  /** Waits for the story, before the web server and the job executor start. */
  @Override
  public void start() {
    running = true;
    if (teller == null) {
      return;
    }
    try {
      teller.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while the demo story was told", e);
    }
  }

  /**
   * A start that failed while the story was told: the story stops at its next complaint, before the
   * engine and the connection pool it uses close (Spring destroys this bean before those it needs).
   */
  @PreDestroy
  void cutShort() throws InterruptedException {
    cancelled = true;
    if (teller != null) {
      teller.join(STORY_STOPS_WITHIN.toMillis());
    }
  }

  private void tell() {
    long began = System.nanoTime();
    // its CPU time too: on a shared machine the wall-clock time says more about the neighbours
    long cpuBegan = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    ZonedDateTime now = clock.now().atZone(clock.businessZone());
    String writeDelay = database.isPostgres() ? null
        : jdbc.queryForObject("SELECT MAX(SETTING_VALUE) FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'",
            String.class);
    if (writeDelay != null) {
      // H2 writes each commit to its file (WRITE_DELAY=0, application.yml); a story cut off half-way
      // is not resumed anyway, so its thousand commits are written in batches
      jdbc.execute("SET WRITE_DELAY 500");
    }
    try {
      YearMonth thisMonth = YearMonth.from(now);
      String innovator = null;
      for (int back = CLOSED_PER_MONTH.length; back >= 1; back--) {
        innovator = closedMonth(thisMonth.minusMonths(back), CLOSED_PER_MONTH[CLOSED_PER_MONTH.length - back]);
      }
      int closed = told;
      awardRun(thisMonth.minusMonths(1), innovator, now.toInstant());
      inFlight(now.toInstant());
      LOG.info("Demo: {} complaints closed over three months, last month's award run, {} complaints in flight; "
          + "told in {} ms ({} ms of CPU)", closed, told - closed, Duration.ofNanos(System.nanoTime() - began).toMillis(),
          Duration.ofNanos(ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuBegan).toMillis());
    } catch (CancellationException e) {
      LOG.warn("The demo story stopped after {} complaints: {}; delete ./data for a full story", told,
          e.getMessage());
    } catch (RuntimeException e) {
      // the demo still starts, with what was told; a restart does not tell it again (delete ./data)
      LOG.error("The demo story stopped after {} complaints; Redress starts with what was told", told, e);
    } finally {
      clock.backToNow();
      if (writeDelay != null) {
        jdbc.execute("SET WRITE_DELAY " + Integer.parseInt(writeDelay));
      }
    }
  }

  /**
   * A month's complaints, the same plots in every month whatever the calendar, each lived to its end
   * within the month; returns the handler flagged innovative.
   */
  private String closedMonth(YearMonth month, int count) {
    String innovator = null;
    for (int i = 0; i < count; i++) {
      Category category = CATEGORIES.get(i % CATEGORIES.size());
      Plot plot = PLOTS.get(i % PLOTS.size());
      // opened on weekdays from the 1st to the 15th, an SLA to run out (up to two weeks) by the 8th:
      // every life ends by the 28th
      int day = plot == Plot.ESCALATED ? 1 + i % 6 : 1 + i * 14 / count;
      ZonedDateTime opened = weekday(month.atDay(day).atTime(LocalTime.of(9, 30)).plusHours(i % 6)
          .atZone(clock.businessZone()));
      String handler = live(opened.toInstant(), category, i, plot, i % 7 == 3);
      if (i % 7 == 3) {
        innovator = handler;
      }
    }
    return innovator;
  }

  /** One complaint from submission to closing; returns who handled it. */
  private String live(Instant opened, Category category, int n, Plot plot, boolean innovative) {
    if (cancelled) {
      throw new CancellationException("the application stopped before it started");
    }
    demo.at(opened);
    DemoDriver.Case complaint = demo.submit(complaint(category, n));
    later(Duration.ofMinutes(40));
    triageIfAsked(complaint, category);
    String handler;
    if (plot == Plot.ESCALATED) {
      demo.at(demo.resolutionDue(complaint).plus(Duration.ofMinutes(30)));
      demo.runDueJobs(complaint); // the SLA ran out: supervisors take the handling over
      handler = handle(complaint, DemoIdentities.memberOf(Groups.SUPERVISORS), null);
    } else {
      later(Duration.ofHours(3));
      handler = handle(complaint, null, switch (plot) {
        case COMPENSATED -> "REFUND 300.00";
        case LOWERED -> "VOUCHER 1200.00";
        case COMPENSATED_BY_MANAGER -> "REFUND 3500.00";
        default -> null;
      });
    }
    if (plot == Plot.COMPENSATED || plot == Plot.COMPENSATED_BY_MANAGER) {
      later(Duration.ofHours(2));
      approve(complaint, "APPROVE", null, words("demo.approvalReason"), null);
    } else if (plot == Plot.LOWERED) {
      later(Duration.ofHours(2));
      approve(complaint, "LOWER", "800.00", words("demo.loweringReason"), null);
    }
    later(Duration.ofDays(1));
    if (plot == Plot.UNANSWERED) {
      demo.at(demo.surveyDue(complaint).plus(Duration.ofHours(1)));
      demo.runDueJobs(complaint);
    } else if (plot == Plot.REOPENED) {
      demo.answerSurvey(complaint, 1, words("demo.survey.unhappy"));
      later(Duration.ofHours(4));
      handle(complaint, DemoIdentities.memberOf(Groups.SUPERVISORS), null);
      later(Duration.ofDays(1));
      demo.answerSurvey(complaint, 4, words("demo.survey.happyAtLast"));
    } else {
      demo.answerSurvey(complaint, 3 + n % 3, n % 2 == 0 ? words("demo.survey.polite") : null);
    }
    later(Duration.ofDays(1));
    Map<String, Object> review = new HashMap<>(Map.of("qualityScore", 3 + (n + 1) % 3, "innovative", innovative,
        "reviewComment", words("demo.review.comment")));
    if (innovative) {
      review.put("innovationReason", words("demo.review.innovation"));
    }
    demo.complete(complaint, ComplaintHandlingProcess.TASK_REVIEW_QUALITY, null, review);
    told++;
    return handler;
  }

  /** Complaints no rule classifies (OTHER) wait for a dispatcher, who sends them to the service team. */
  private void triageIfAsked(DemoDriver.Case complaint, Category category) {
    if (demo.hasOpenTask(complaint, ComplaintHandlingProcess.TASK_TRIAGE)) {
      demo.complete(complaint, ComplaintHandlingProcess.TASK_TRIAGE, null, Map.of("severity", "LOW",
          "handlerGroup", Groups.TEAM_SERVICE, "firstResponseSlaHours", 8, "resolutionSlaHours", 40));
    }
  }

  /** The handling task, by its team's demo user or {@code user}; {@code compensation} e.g. "REFUND 300.00". */
  private String handle(DemoDriver.Case complaint, String user, String compensation) {
    Map<String, Object> outcome = new HashMap<>(Map.of("rootCause", "STAFF_ERROR", "resolution",
        words("demo.resolution"),
        "serviceFailureAcknowledged", true, "compensationType", "NONE"));
    if (compensation != null) {
      String[] typeAndAmount = compensation.split(" ");
      outcome.putAll(Map.of("compensationType", typeAndAmount[0], "compensationAmount", typeAndAmount[1],
          "compensationCurrency", "CNY", "compensationReason", words("demo.compensationReason")));
    }
    return demo.complete(complaint, ComplaintHandlingProcess.TASK_HANDLE, user, outcome);
  }

  /**
   * Each approval tier in turn decides the proposal, the first with {@code decision}, the others
   * approve, until the compensation is issued or the tier of group {@code waitingFor} is reached.
   */
  private void approve(DemoDriver.Case complaint, String decision, String loweredAmount, String reason,
      String waitingFor) {
    Map<String, Object> values = new HashMap<>(Map.of("approvalDecision", decision, "decisionReason", reason));
    if (loweredAmount != null) {
      values.put("loweredAmount", loweredAmount);
    }
    for (String group = demo.candidateGroup(complaint, CompensationApprovalProcess.TASK_APPROVE);
        group != null && !group.equals(waitingFor);
        group = demo.candidateGroup(complaint, CompensationApprovalProcess.TASK_APPROVE)) {
      demo.complete(complaint, CompensationApprovalProcess.TASK_APPROVE, null, values);
      values = new HashMap<>(Map.of("approvalDecision", "APPROVE"));
    }
  }

  /**
   * Last month's awards, in the hours before now: requested by the committee, scored, an innovation
   * nomination added and the list confirmed by a manager, approved, published, one objection
   * dismissed with its reason and another waiting for the committee.
   */
  private void awardRun(YearMonth period, String innovator, Instant now) {
    // not before this month began (last month can only be run once it is over), and done by now
    Instant monthBegan = period.plusMonths(1).atDay(1).atStartOfDay(clock.businessZone()).toInstant();
    Instant sixHoursAgo = now.minus(Duration.ofHours(6));
    Instant start = sixHoursAgo.isAfter(monthBegan) ? sixHoursAgo : monthBegan.plus(Duration.ofSeconds(1));
    Duration step = Duration.between(start, now).dividedBy(12);
    demo.at(start);
    String committee = DemoIdentities.memberOf(Groups.AWARD_COMMITTEE);
    DemoDriver.Case run = demo.awardRun(awards.request(period, committee).id());
    demo.runDueJobs(run);
    later(step);
    if (innovator != null && demo.hasOpenTask(run, EmployeeAwardProcess.TASK_REVIEW_NOMINATIONS)) {
      demo.complete(run, EmployeeAwardProcess.TASK_REVIEW_NOMINATIONS, null, Map.of("nominationAction",
          "ADD_INNOVATION", "nominee", innovator, "nominationReason",
          words("demo.award.innovation")));
    }
    if (demo.hasOpenTask(run, EmployeeAwardProcess.TASK_REVIEW_NOMINATIONS)) {
      demo.complete(run, EmployeeAwardProcess.TASK_REVIEW_NOMINATIONS, null, Map.of("nominationAction", "CONFIRM"));
      later(step.multipliedBy(2));
      demo.complete(run, EmployeeAwardProcess.TASK_APPROVE_AWARDS, null, Map.of("awardAction", "APPROVE"));
      later(step.multipliedBy(2));
      publication.object(run.reference(), DemoIdentities.memberOf(Groups.TEAM_BILLING), words("demo.award.objection"));
      demo.runDueJobs(run);
      later(step.multipliedBy(2));
      demo.complete(run, EmployeeAwardProcess.TASK_DECIDE_OBJECTION, null, Map.of("objectionDecision", "DISMISS",
          "awardReason", words("demo.award.dismissal")));
      later(step.multipliedBy(4));
      publication.object(run.reference(), DemoIdentities.memberOf(Groups.TEAM_SAFETY),
          words("demo.award.openObjection"));
      demo.runDueJobs(run);
    }
    LOG.info("Demo: award run {} is {}", run.reference(), awards.get(run.reference()).status());
  }

  /** This month's work, opened in the last hours: something in every demo user's Tasklist. */
  private void inFlight(Instant now) {
    demo.at(now.minus(Duration.ofDays(8)));
    // a high-severity safety complaint nobody resolved in time: the supervisors have it
    DemoDriver.Case overdue = demo.submit(complaint(Category.SAFETY, 101));
    demo.at(demo.resolutionDue(overdue).plus(Duration.ofMinutes(5)));
    demo.runDueJobs(overdue);
    told++;

    demo.at(now.minus(Duration.ofHours(5)));
    for (Category category : List.of(Category.DAMAGE, Category.BILLING, Category.SERVICE_QUALITY, Category.SAFETY,
        Category.OTHER)) {
      demo.submit(complaint(category, 110 + told)); // leo, bill, sara and sam handle; dan triages
      told++;
    }
    // compensation waiting for a supervisor, a manager, and finance's co-signature
    for (Map.Entry<String, String> proposal : List.of(Map.entry("REFUND 600.00", Groups.SUPERVISORS),
        Map.entry("REFUND 15000.00", Groups.SERVICE_MANAGERS), Map.entry("REFUND 26000.00", Groups.FINANCE))) {
      later(Duration.ofMinutes(20));
      DemoDriver.Case compensated = demo.submit(complaint(Category.DAMAGE, 120 + told));
      handle(compensated, null, proposal.getKey());
      approve(compensated, "APPROVE", null, words("demo.inFlightApprovalReason"), proposal.getValue());
      told++;
    }
    // resolved and answered: waiting for the quality review
    later(Duration.ofMinutes(20));
    DemoDriver.Case answered = demo.submit(complaint(Category.DELAY, 130 + told));
    handle(answered, null, null);
    later(Duration.ofMinutes(30));
    demo.answerSurvey(answered, 5, words("demo.survey.fast"));
    told++;
  }

  /** A customer of the story complains, in the installation's language, and reads Redress's e-mails in it. */
  private NewComplaint complaint(Category category, int n) {
    String name = words("demo.customers").split(",")[n % MAILBOXES.size()];
    Channel channel = Channel.values()[n % Channel.values().length];
    CustomerTier tier = CustomerTier.values()[n % CustomerTier.values().length];
    String customerId = "C-" + (2000 + n);
    String email = MAILBOXES.get(n % MAILBOXES.size()) + (2000 + n) + "@example.com";
    return new NewComplaint(new NewComplaint.Customer(customerId, name, email, null, tier), channel, category,
        words("demo.subject." + category), words("demo.description." + category), "ORD-" + (70000 + n * 7 + told),
        new Money(new BigDecimal(120 + n % 9 * 95 + ".00"), "CNY"), null, null, texts.language());
  }

  private String words(String key) {
    return texts.text(key);
  }

  private void later(Duration by) {
    demo.at(demo.now().plus(by));
  }

  private static ZonedDateTime weekday(ZonedDateTime at) {
    ZonedDateTime day = at;
    while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
      day = day.plusDays(1);
    }
    return day;
  }

  @Override
  public void stop() {
    running = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public int getPhase() {
    return BEFORE_THE_WEB_SERVER;
  }
}
