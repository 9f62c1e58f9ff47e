package com.redress.compensation;

import static org.assertj.core.api.Assertions.assertThat;

import com.redress.complaint.Category;
import com.redress.complaint.ComplaintHandlingProcess;
import com.redress.complaint.ComplaintService;
import com.redress.complaint.CustomerTier;
import com.redress.identity.Groups;
import com.redress.support.Complaints;
import com.redress.support.Handling;
import com.redress.support.Jobs;
import com.redress.support.TestUsers;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 50 proposals of 800 reach the budget at the same moment; the budget holds 10 of them. Exactly 10
 * are reserved, the budget is never overdrawn, the other 40 wait for finance. Run against every
 * database the application supports.
 */
interface BudgetConcurrencyScenarios {

  int PROPOSALS = 50;
  int FITTING = 10;

  ProcessEngine engine();

  <T> T bean(Class<T> type);

  @AfterEach
  default void resetClock() {
    ClockUtil.reset();
  }

  @Test
  default void fiftySimultaneousProposalsAgainstABudgetForTenReserveExactlyTen() throws Exception {
    ProcessEngine engine = engine();
    ComplaintService complaints = bean(ComplaintService.class);
    CompensationService compensations = bean(CompensationService.class);
    JdbcTemplate jdbc = bean(JdbcTemplate.class);
    ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2033-01-12T10:00:00+08:00").toInstant()));
    compensations.setMonthlyBudget(Groups.TEAM_LOGISTICS, YearMonth.of(2033, 1),
        new BigDecimal("800.00").multiply(BigDecimal.valueOf(FITTING)), "CNY");
    String handler = TestUsers.ensure(engine.getIdentityService(), "budget-handler", Groups.TEAM_LOGISTICS);
    List<String> references = new ArrayList<>();
    for (int i = 0; i < PROPOSALS; i++) {
      String reference = complaints.submit(Complaints.of(Category.DAMAGE, CustomerTier.STANDARD), null, null)
          .reference();
      Jobs.continueAfterRegistration(engine, reference);
      String task = Handling.task(engine, reference, ComplaintHandlingProcess.TASK_HANDLE).getId();
      engine.getTaskService().claim(task, handler);
      engine.getTaskService().complete(task, Map.of("rootCause", "STAFF_ERROR",
          "resolution", "Replaced the broken vase.", "serviceFailureAcknowledged", true,
          "compensationType", "REFUND", "compensationAmount", "800.00", "compensationCurrency", "CNY",
          "compensationReason", "Our cleaner broke it; we pay it back."));
      references.add(reference);
    }

    // the save points after handling run together: each starts an approval and reserves
    ExecutorService workers = Executors.newFixedThreadPool(10);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> done = new ArrayList<>();
    for (String reference : references) {
      done.add(workers.submit(() -> {
        start.await();
        Jobs.continueAfter(engine, reference, ComplaintHandlingProcess.TASK_HANDLE);
        return null;
      }));
    }
    start.countDown();
    for (Future<?> f : done) {
      f.get();
    }
    workers.shutdown();

    CompensationService.BudgetView budget = compensations.budget(Groups.TEAM_LOGISTICS, YearMonth.of(2033, 1));
    assertThat(budget.reserved().amount()).isEqualByComparingTo("8000.00");
    assertThat(budget.left().amount()).isEqualByComparingTo("0.00");
    List<Compensation> all = references.stream().map(r -> compensations.latestOf(r).orElseThrow()).toList();
    assertThat(all).filteredOn(c -> !c.overBudget()).hasSize(FITTING)
        .allSatisfy(c -> assertThat(c.reservedAmount()).isEqualByComparingTo("800.00"))
        .allSatisfy(c -> assertThat(c.approverGroups()).containsExactly(Groups.SUPERVISORS));
    assertThat(all).filteredOn(Compensation::overBudget).hasSize(PROPOSALS - FITTING)
        .allSatisfy(c -> assertThat(c.reservedAmount()).isZero())
        .allSatisfy(c -> assertThat(c.approverGroups()).containsExactly(Groups.SUPERVISORS, Groups.FINANCE));
    assertThat(jdbc.queryForObject("SELECT SUM(reserved_amount) FROM compensation WHERE budget_month = '2033-01'",
        BigDecimal.class)).isEqualByComparingTo("8000.00");
  }
}
