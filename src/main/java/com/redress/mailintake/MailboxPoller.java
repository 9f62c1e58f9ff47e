package com.redress.mailintake;

import com.redress.mailintake.MailIntake.Outcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.FolderClosedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.StoreClosedException;
import jakarta.mail.URLName;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;
import java.io.IOException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Reads the intake mailbox ({@code redress.intake.mail.url}, IMAP or IMAPS) every poll interval,
 * and at once when a connection in IMAP IDLE ({@link IdleListener}) hears of new mail: each unseen mail is taken ({@link MailIntake}) and only then marked seen, so a mail is never
 * lost between the two: read again, it is recognised by its key. Mail is read with PEEK, never
 * deleted or moved. A mailbox out of reach is retried at the next poll; the outage shows in the
 * log once and in the metrics ({@code redress_mail_intake_failing_polls}), not in the health check
 * that load balancers ask. One mail that cannot be taken holds up no other: it stays unseen for
 * the next polls, and after {@value #ATTEMPTS} failed ones waits for an agent as unreadable.
 * Without a URL there is no intake and nothing is logged.
 */
@Component
class MailboxPoller implements SmartLifecycle {

  private static final Logger LOG = LoggerFactory.getLogger(MailboxPoller.class);
  static final int ATTEMPTS = 3;

  /** What one poll did. */
  record Polled(Map<Outcome, Integer> taken) {
    int count(Outcome outcome) {
      return taken.getOrDefault(outcome, 0);
    }
  }

  private final URLName mailbox;
  private final Duration interval;
  private final MailReader reader;
  private final MailIntake intake;
  private final Session session;
  private final AtomicInteger failing = new AtomicInteger();
  private final Counter succeeded;
  private final Counter failed;
  private final Counter failedMails;
  private final Map<Outcome, Counter> mails = new EnumMap<>(Outcome.class);
  private final AtomicBoolean wakeUps = new AtomicBoolean();
  /** This node's failed attempts per mail key. */
  private final Map<String, Integer> attempts = new ConcurrentHashMap<>();
  private final boolean idle;
  private volatile ScheduledExecutorService scheduler;
  private volatile IdleListener listener;
  private volatile boolean stopping;

  MailboxPoller(@Value("${redress.intake.mail.url:}") String url,
      @Value("${redress.intake.mail.poll-interval:PT30S}") Duration interval,
      @Value("${redress.intake.mail.max-size:10MB}") DataSize maxSize,
      @Value("${redress.intake.mail.idle:true}") boolean idle, MailIntake intake, MeterRegistry meters) {
    this.mailbox = url.isBlank() ? null : new URLName(url.strip());
    this.interval = interval;
    this.idle = idle;
    this.reader = new MailReader(maxSize.toBytes());
    this.intake = intake;
    this.session = Session.getInstance(sessionProperties());
    this.succeeded = meters.counter("redress.mail.intake.polls", "outcome", "success");
    this.failed = meters.counter("redress.mail.intake.polls", "outcome", "failure");
    Gauge.builder("redress.mail.intake.failing.polls", failing, AtomicInteger::get)
        .description("Polls of the intake mailbox that failed in a row").register(meters);
    this.failedMails = meters.counter("redress.mail.intake.failed.mails");
    for (Outcome outcome : Outcome.values()) {
      mails.put(outcome, meters.counter("redress.mail.intake.mails", "outcome", outcome.name()));
    }
  }

  private static Properties sessionProperties() {
    Properties properties = new Properties();
    for (String protocol : new String[] {"imap", "imaps"}) {
      // PEEK: reading a mail must not mark it seen; only its taking does, after the commit
      properties.put("mail." + protocol + ".peek", "true");
      // a server that accepts and then hangs must not hold the intake for ever
      properties.put("mail." + protocol + ".connectiontimeout", "10000");
      properties.put("mail." + protocol + ".timeout", "20000");
      // over plain IMAP, encrypt where the server offers it
      properties.put("mail." + protocol + ".starttls.enable", "true");
    }
    // headers in raw UTF-8, as many mailers write them
    properties.put("mail.mime.allowutf8", "true");
    return properties;
  }

  /** Reads every unseen mail once; throws when the mailbox is out of reach (what was taken is marked). */
  synchronized Polled poll() throws MessagingException {
    Map<Outcome, Integer> taken = new EnumMap<>(Outcome.class);
    Store store = session.getStore(mailbox);
    store.connect();
    try {
      Folder folder = store.getFolder(folderOf(mailbox));
      folder.open(Folder.READ_WRITE);
      try {
        Message[] unseen = folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
        FetchProfile headers = new FetchProfile();
        headers.add(FetchProfile.Item.ENVELOPE);
        headers.add(FetchProfile.Item.SIZE);
        folder.fetch(unseen, headers);
        for (Message message : unseen) {
          if (stopping) {
            break; // the rest at the next start: they are still unseen
          }
          Outcome outcome = takeOrPark((MimeMessage) message);
          if (outcome != null) {
            message.setFlag(Flags.Flag.SEEN, true);
            taken.merge(outcome, 1, Integer::sum);
            mails.get(outcome).increment();
          }
        }
      } finally {
        folder.close(false);
      }
    } finally {
      store.close();
    }
    return new Polled(taken);
  }

  /**
   * The mail taken; or null when it failed and is left unseen for the next poll; or, after
   * {@value #ATTEMPTS} failed polls, parked for an agent. A lost connection fails the whole poll.
   */
  private Outcome takeOrPark(MimeMessage message) throws MessagingException {
    try {
      return take(message);
    } catch (FolderClosedException | StoreClosedException connectionLost) {
      throw connectionLost;
    } catch (MessagingException | IOException | RuntimeException | StackOverflowError e) {
      failedMails.increment();
      String key = MailReader.keyOf(message);
      int failed = attempts.merge(key, 1, Integer::sum);
      if (failed == 1) {
        LOG.warn("Mail {} could not be taken; trying again at the next polls", key, e);
      }
      if (failed < ATTEMPTS) {
        return null;
      }
      attempts.remove(key);
      LOG.warn("Mail {} could not be taken in {} polls: it waits for an intake agent", key, ATTEMPTS);
      return intake.unreadable(reader.headersOf(message, key), e.toString()).outcome();
    }
  }

  private Outcome take(MimeMessage message) throws MessagingException, IOException {
    // a mail taken before (read again after a restart, or marked unseen) is known by its headers
    if (intake.known(MailReader.keyOf(message))) {
      return Outcome.ALREADY_TAKEN;
    }
    IncomingMail mail = reader.read(message);
    try {
      return intake.take(mail).outcome();
    } catch (DataAccessException e) {
      // a twin on another node took it (its key is there now), or something else failed
      if (intake.known(mail.key())) {
        return Outcome.ALREADY_TAKEN;
      }
      throw e;
    }
  }

  /** A poll as the schedule runs it: counted, an outage logged once, nothing thrown. */
  void pollAndCount() {
    try {
      Polled polled = poll();
      succeeded.increment();
      if (failing.getAndSet(0) > 0) {
        LOG.info("Intake mailbox {} is reachable again", described());
      }
      if (!polled.taken().isEmpty()) {
        LOG.info("Intake mailbox {}: {}", described(), polled.taken());
      }
    } catch (MessagingException | RuntimeException | Error e) {
      // an Error too: the schedule would end for good without a word
      failed.increment();
      // once per outage: the metric counts the polls that failed in a row
      if (failing.getAndIncrement() == 0) {
        LOG.warn("Intake mailbox {} cannot be read; retrying every {}: {}", described(), interval, withoutPassword(e));
      }
    }
  }

  /** The URL's folder, INBOX when it names none. */
  static String folderOf(URLName mailbox) {
    return mailbox.getFile() == null || mailbox.getFile().isBlank() ? "INBOX" : mailbox.getFile();
  }

  /** The mailbox as logs may name it: never its password. */
  private String described() {
    return mailbox.getProtocol() + "://" + mailbox.getHost() + (mailbox.getPort() > 0 ? ":" + mailbox.getPort() : "")
        + "/" + (mailbox.getFile() == null ? "" : mailbox.getFile());
  }

  private String withoutPassword(Throwable e) {
    String message = e.getClass().getSimpleName() + ": " + e.getMessage();
    String password = mailbox.getPassword();
    return password == null || password.isEmpty() ? message : message.replace(password, "****");
  }

  @Override
  public synchronized void start() {
    if (mailbox == null || scheduler != null) {
      return;
    }
    stopping = false;
    ScheduledExecutorService polls = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "mail-intake");
      thread.setDaemon(true);
      return thread;
    });
    polls.scheduleWithFixedDelay(this::pollAndCount, interval.toMillis(), interval.toMillis(),
        TimeUnit.MILLISECONDS);
    scheduler = polls;
    if (idle) {
      // a poll at once when the server tells of new mail; one queued wake-up is enough
      listener = new IdleListener(Session.getInstance(idleProperties()), mailbox, interval, () -> {
        if (!polls.isShutdown() && wakeUps.compareAndSet(false, true)) {
          polls.execute(() -> {
            wakeUps.set(false);
            pollAndCount();
          });
        }
      });
      Thread thread = new Thread(listener, "mail-intake-idle");
      thread.setDaemon(true);
      thread.start();
    }
    LOG.info("Reading intake mailbox {} every {}{}", described(), interval, idle ? " and on IMAP IDLE" : "");
  }

  /** The IDLE connection waits long for the server's word: its read time-out is ten minutes, not twenty seconds. */
  private static Properties idleProperties() {
    Properties properties = sessionProperties();
    properties.put("mail.imap.timeout", "600000");
    properties.put("mail.imaps.timeout", "600000");
    return properties;
  }

  @Override
  public void stop() {
    stopping = true;
    IdleListener idling = listener;
    listener = null;
    if (idling != null) {
      idling.stop();
    }
    ScheduledExecutorService running = scheduler;
    scheduler = null;
    if (running != null) {
      running.shutdown();
      try {
        // a poll under way finishes its mail (taken and marked, or neither) and stops there
        running.awaitTermination(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public boolean isRunning() {
    return scheduler != null;
  }
}
