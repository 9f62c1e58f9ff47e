package com.redress.privacy;

import com.redress.complaint.CustomerRecords;
import com.redress.mailintake.CustomerMails;
import com.redress.shared.AppClock;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Anonymizes the personal data of complaints that ended longer ago than {@code redress.privacy.retention}
 * (default three years), the engine's history of them included, one complaint per transaction
 * (docs/adr/0017). Several nodes may run it at once: each complaint is erased by one of them.
 */
@Service
public class Retention {

  private static final Logger LOG = LoggerFactory.getLogger(Retention.class);
  private static final int BATCH = 100;

  private final CustomerRecords customers;
  private final Erasure erasure;
  private final CustomerMails mails;
  private final AppClock clock;
  private final Period retention;

  Retention(CustomerRecords customers, Erasure erasure, CustomerMails mails, AppClock clock,
      @Value("${redress.privacy.retention:P3Y}") Period retention) {
    this.customers = customers;
    this.mails = mails;
    this.erasure = erasure;
    this.clock = clock;
    this.retention = retention;
  }

  /** Nightly (redress.privacy.retention-cron). */
  @Scheduled(cron = "${redress.privacy.retention-cron}", zone = "${redress.time-zone}")
  public void nightly() {
    run();
  }

  /** Erases what is due and returns how many complaints; progress is logged after each batch. */
  public int run() {
    OffsetDateTime cutoff = clock.nowInBusinessZone().minus(retention);
    int erased = 0;
    int skipped = 0;
    int failed = 0;
    String after = "";
    for (List<String> due = customers.keptPast(cutoff, after, BATCH); !due.isEmpty();
        due = customers.keptPast(cutoff, after, BATCH)) {
      for (String reference : due) {
        try {
          if (erasure.eraseExpired(reference, retention.toString()).isPresent()) {
            erased++;
          } else {
            skipped++;
          }
        } catch (RuntimeException e) {
          // one complaint's failure (rolled back) does not hold up the others; tomorrow's run tries it again
          failed++;
          LOG.warn("Privacy retention could not anonymize {}", reference, e);
        }
      }
      after = due.get(due.size() - 1);
      LOG.info("Privacy retention: {} complaints anonymized so far (ended before {}), {} still needed or done by"
          + " another node, {} failed", erased, cutoff.toLocalDate(), skipped, failed);
    }
    int settledMails = mails.eraseSettledBefore(cutoff);
    if (settledMails > 0) {
      LOG.info("Privacy retention: {} mails that became no complaint anonymized (settled before {})", settledMails,
          cutoff.toLocalDate());
    }
    return erased;
  }
}
