package com.redress.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
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

  static {
    SMTP.start();
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

  @BeforeEach
  void connect() {
    http = new Http(port);
    // camunda-bpm-assert keeps a static engine; H2 and PostgreSQL contexts live in one JVM
    BpmnAwareTests.init(engine);
  }
}
