package com.redress.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * One more Redress node: the application in a JVM of its own, as production runs it (profile
 * {@code postgres}, job executor on), on the test's database and SMTP server. Its log goes to
 * target/nodes/. Test classes are left off its class path: they would configure a second database.
 */
public final class RedressNode implements AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

  private final String name;
  private final int port;
  private final Process process;
  private final Path log;

  private RedressNode(String name, int port, Process process, Path log) {
    this.name = name;
    this.port = port;
    this.process = process;
    this.log = log;
  }

  /** Starts a node and returns once it answers {@code /actuator/health}. */
  public static RedressNode start(String name, String jdbcUrl, String dbUser, int smtpPort, String... arguments)
      throws IOException {
    int port = freePort();
    Path log = Path.of("target", "nodes", name + ".log");
    Files.createDirectories(log.getParent());
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", applicationClassPath(),
        "com.redress.RedressApplication", "--spring.profiles.active=postgres", "--server.port=" + port,
        "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtpPort, "--logging.level.root=WARN",
        "--logging.level.com.redress=INFO"));
    command.addAll(Arrays.asList(arguments));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(Map.of("REDRESS_DB_URL", jdbcUrl, "REDRESS_DB_USER", dbUser,
        "REDRESS_DB_PASSWORD", "trust-auth-ignores-it", "REDRESS_ADMIN_USER", "node-admin",
        "REDRESS_ADMIN_PASSWORD", UUID.randomUUID().toString(), "REDRESS_PUBLIC_BASE_URL", "https://complaints.redress.test"));
    RedressNode node = new RedressNode(name, port, builder.start(), log);
    node.awaitHealthy();
    return node;
  }

  /** The argument naming a node in the engine's job log (ACT_HI_JOB_LOG.HOSTNAME_). */
  public static String hostname(String name) {
    return "--camunda.bpm.generic-properties.properties.hostname=" + name;
  }

  public int port() {
    return port;
  }

  public Http http() {
    return new Http(port);
  }

  /** Stops the node as an operator would (SIGTERM) and waits for it to end. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }

  private void awaitHealthy() throws IOException {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("Node " + name + " stopped while starting; see " + log);
      }
      try {
        HttpResponse<String> health = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
            + "/actuator/health")).timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
        if (health.statusCode() == 200) {
          return;
        }
      } catch (IOException notYetListening) {
        // the port opens late in the start
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      pause();
    }
    process.destroyForcibly();
    throw new IllegalStateException("Node " + name + " not healthy after " + START_TIMEOUT + "; see " + log);
  }

  /** Waits a little between polls of another process's state (a node, a job another node runs). */
  public static void pause() {
    try {
      TimeUnit.MILLISECONDS.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The class path Maven gave the tests, without the test classes. */
  private static String applicationClassPath() {
    String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    return Arrays.stream(classPath.split(File.pathSeparator))
        .filter(entry -> !Path.of(entry).endsWith(Path.of("target", "test-classes")))
        .collect(Collectors.joining(File.pathSeparator));
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
