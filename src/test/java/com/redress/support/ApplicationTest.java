package com.redress.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application on a real port with a real SMTP server (GreenMail) and, by default,
 * in-memory H2. Subclasses share one Spring context; PostgreSQL tests add their database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(FakePaymentProvider.class)
public abstract class ApplicationTest {

  /**
   * One SMTP server for the whole test JVM on one free port, kept across stop and start so
   * "SMTP down" tests can bring it back; tests look for their own recipients.
   */
  protected static final GreenMail SMTP = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

  /**
   * The intake mailbox (IMAP), one for the test JVM too. Redress polls it once an hour in tests and
   * does not listen in IDLE, so never by itself: mail tests poll it when they have delivered their mails.
   */
  protected static final GreenMail IMAP = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_IMAP));
  protected static final String INTAKE_ADDRESS = "complaints@redress.test";
  protected static final String INTAKE_PASSWORD = "intake-secret-41";

  static {
    SMTP.start();
    IMAP.start();
    IMAP.setUser(INTAKE_ADDRESS, INTAKE_ADDRESS, INTAKE_PASSWORD);
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @DynamicPropertySource
  static void smtp(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
    registry.add("redress.intake.mail.url", () -> "imap://" + INTAKE_ADDRESS.replace("@", "%40") + ":" + INTAKE_PASSWORD
        + "@127.0.0.1:" + IMAP.getImap().getPort() + "/INBOX");
    registry.add("redress.intake.mail.poll-interval", () -> "PT1H");
    registry.add("redress.intake.mail.idle", () -> "false");
    registry.add("redress.intake.mail.address", () -> INTAKE_ADDRESS);
  }

  @LocalServerPort
  protected int port;

  @Autowired
  protected ProcessEngine engine;

  @Autowired
  private ApplicationContext context;

  protected Http http;

  public Http http() {
    return http;
  }

  public ProcessEngine engine() {
    return engine;
  }

  public <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  /** How many mails the SMTP server holds: a test's own are those received after this. */
  protected static int mailsSoFar() {
    return SMTP.getReceivedMessages().length;
  }

  /** The mails received since {@code before} (a restarted server starts empty again). */
  protected static List<MimeMessage> mailsSince(int before) {
    MimeMessage[] received = SMTP.getReceivedMessages();
    return List.of(Arrays.copyOfRange(received, before, received.length));
  }

  /**
   * How often each subject naming one of {@code references} arrived since {@code before}: only this
   * test's mails, since other tests' databases number their complaints from 1 too.
   */
  protected static Map<String, Integer> mailsPerSubject(Collection<String> references, int before) {
    Map<String, Integer> bySubject = new HashMap<>();
    for (MimeMessage mail : mailsSince(before)) {
      String subject = subject(mail);
      if (references.stream().anyMatch(subject::contains)) {
        bySubject.merge(subject, 1, Integer::sum);
      }
    }
    return bySubject;
  }

  protected static String subject(MimeMessage mail) {
    try {
      return mail.getSubject();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  @BeforeEach
  void connect() {
    http = new Http(port);
    // camunda-bpm-assert keeps a static engine; H2 and PostgreSQL contexts live in one JVM
    BpmnAwareTests.init(engine);
  }
}
