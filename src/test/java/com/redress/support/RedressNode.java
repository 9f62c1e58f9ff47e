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
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An application in a JVM of its own on the test's database: a Redress node as production runs it
 * (profile {@code postgres}, job executor on, the test's SMTP server), or the bare reference the
 * benchmarks compare with. Its log goes to target/nodes/. A Redress node gets no test classes on its
 * class path: they would configure a second database.
 */
public final class RedressNode implements AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
  private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

  private final String name;
  private final int port;
  private final Process process;
  private final Path log;
  private Duration startUp;

  private RedressNode(String name, int port, Process process, Path log) {
    this.name = name;
    this.port = port;
    this.process = process;
    this.log = log;
  }

  /** Starts a Redress node and returns once it answers {@code /actuator/health}. */
  public static RedressNode start(String name, String jdbcUrl, String dbUser, int smtpPort, String... arguments)
      throws IOException {
    List<String> args = new ArrayList<>(List.of("--spring.profiles.active=postgres", "--spring.mail.host=127.0.0.1",
        "--spring.mail.port=" + smtpPort, "--logging.level.root=WARN", "--logging.level.com.redress=INFO"));
    args.addAll(Arrays.asList(arguments));
    // e.g. -Dnode.args=--camunda.bpm.job-execution.max-jobs-per-acquisition=10 to try a setting on every node
    String extra = System.getProperty("node.args", "");
    if (!extra.isBlank()) {
      args.addAll(Arrays.asList(extra.split(" ")));
    }
    return launch(name, "com.redress.RedressApplication", applicationClassPath(), Map.of("REDRESS_DB_URL", jdbcUrl,
        "REDRESS_DB_USER", dbUser, "REDRESS_DB_PASSWORD", "trust-auth-ignores-it", "REDRESS_ADMIN_USER", "node-admin",
        "REDRESS_ADMIN_PASSWORD", UUID.randomUUID().toString(), "REDRESS_PUBLIC_BASE_URL", "https://complaints.redress.test"),
        args, null, freePort());
  }

  /**
   * Starts Redress as a newcomer does, on the embedded default (profile demo, H2 in {@code ./data}
   * below {@code directory}), with the job executor on, on {@code port} ({@link #freePort()} for a
   * new one; the same port again restarts the same node).
   */
  public static RedressNode startEmbedded(String name, Path directory, int port, String... arguments)
      throws IOException {
    List<String> args = new ArrayList<>(List.of("--logging.level.root=WARN", "--logging.level.com.redress=INFO"));
    args.addAll(Arrays.asList(arguments));
    return launch(name, "com.redress.RedressApplication", applicationClassPath(), Map.of(), args, directory, port);
  }

  /** Starts the bare reference (reference.ReferenceApplication) on its own database. */
  public static RedressNode startReference(String name, String jdbcUrl, String dbUser, String... arguments)
      throws IOException {
    List<String> args = new ArrayList<>(List.of("--spring.config.name=reference", "--spring.datasource.url=" + jdbcUrl,
        "--spring.datasource.username=" + dbUser));
    args.addAll(Arrays.asList(arguments));
    return launch(name, "reference.ReferenceApplication",
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")), Map.of(), args, null,
        freePort());
  }

  /** The load of a test comes from one address and a few e-mail addresses: not what the public limits are for. */
  private static final List<String> NO_PUBLIC_LIMITS = List.of("--redress.public-limits.intake-per-address=1000000",
      "--redress.public-limits.intake-per-email=1000000", "--redress.public-limits.requests-per-address=1000000");

  private static RedressNode launch(String name, String mainClass, String classPath, Map<String, String> environment,
      List<String> arguments, Path directory, int port) throws IOException {
    Path log = Path.of("target", "nodes", name + ".log").toAbsolutePath();
    Files.createDirectories(log.getParent());
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
    // e.g. -Dnode.jvm.options=-XX:StartFlightRecording=filename=target/nodes/{name}.jfr to profile a node
    String extra = System.getProperty("node.jvm.options", "");
    if (!extra.isBlank()) {
      command.addAll(Arrays.asList(extra.replace("{name}", name).split(" ")));
    }
    command.addAll(List.of("-cp", classPath, mainClass, "--server.port=" + port));
    command.addAll(arguments);
    if (mainClass.startsWith("com.redress")) {
      command.addAll(NO_PUBLIC_LIMITS);
    }
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    if (directory != null) {
      builder.directory(directory.toFile());
    }
    builder.environment().putAll(environment);
    Instant started = Instant.now();
    RedressNode node = new RedressNode(name, port, builder.start(), log);
    node.awaitHealthy();
    node.startUp = Duration.between(started, Instant.now());
    return node;
  }

  /** From launching the JVM until it answered its health check. */
  public Duration startUp() {
    return startUp;
  }

  /** The JVM's resident memory now, from /proc (Linux), in MiB. */
  public long residentMib() throws IOException {
    return Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status")).stream()
        .filter(line -> line.startsWith("VmRSS:")).map(line -> Long.parseLong(line.replaceAll("\\D", "")) / 1024)
        .findFirst().orElse(-1L);
  }

  /** The JVM's used heap now, as {@code jcmd GC.heap_info} reports it, in MiB. */
  public long heapUsedMib() throws IOException, InterruptedException {
    Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
        String.valueOf(process.pid()), "GC.heap_info").redirectErrorStream(true).start();
    String out = new String(jcmd.getInputStream().readAllBytes());
    jcmd.waitFor();
    Matcher used = HEAP_USED.matcher(out);
    return used.find() ? Long.parseLong(used.group(1)) / 1024 : -1;
  }

  /** Everything the node has logged so far. */
  public String logged() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * What the node logged about failed API calls, each with the causes of its stack trace: CI keeps a
   * test's output, not the node's log, so a test that meets an unexpected answer shows why with it.
   */
  public String apiFailures() {
    StringBuilder out = new StringBuilder();
    boolean inFailure = false;
    try {
      for (String line : Files.readAllLines(log)) {
        boolean entry = !line.isEmpty() && Character.isDigit(line.charAt(0));
        if (entry) {
          inFailure = line.contains("answering an API call");
        }
        if (inFailure && (entry || line.startsWith("Caused by:") || !line.startsWith("\t") && !line.isBlank())) {
          out.append(line).append('\n');
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
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

  /** Ends the node as a crash would ({@code kill -9}): no shutdown, its locked jobs stay locked until they expire. */
  public void kill() throws InterruptedException {
    process.destroyForcibly().waitFor();
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
    pause(Duration.ofMillis(100));
  }

  private static void pause(Duration pause) {
    try {
      TimeUnit.MILLISECONDS.sleep(pause.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Polls {@code check} every {@code pause} until it gives a value: for what another JVM's job
   * executor will get to. Fails after {@code timeout}, naming {@code what}.
   */
  public static <T> T awaitValue(String what, Duration timeout, Duration pause, Supplier<T> check) {
    Instant deadline = Instant.now().plus(timeout);
    for (T value = check.get(); ; value = check.get()) {
      if (value != null) {
        return value;
      }
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("Not within " + timeout + ": " + what);
      }
      pause(pause);
    }
  }

  /** The class path Maven gave the tests, without the test classes. */
  private static String applicationClassPath() {
    String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    return Arrays.stream(classPath.split(File.pathSeparator))
        .filter(entry -> !Path.of(entry).endsWith(Path.of("target", "test-classes")))
        .map(entry -> Path.of(entry).toAbsolutePath().toString())
        .collect(Collectors.joining(File.pathSeparator));
  }

  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
