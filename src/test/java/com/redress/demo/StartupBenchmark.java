package com.redress.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.redress.support.BenchmarkSize;
import com.redress.support.RedressNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Start-up until healthy, each a JVM of its own with the same options, on the embedded database
 * (H2 files): the bare reference's first start and restart against Redress's first demo start (its
 * three months of story included) and its restart on that data. Targets (issue 18): a first start
 * within 2× the reference's, a restart within 1.2×. Medians of {@code -Dstartup.runs} rounds;
 * figures, each round's too, in target/measurements/startup.txt.
 */
@Tag("benchmark")
class StartupBenchmark {

  @Test
  void firstStartAndRestartAgainstTheBareReference(@TempDir Path directory) throws IOException, InterruptedException {
    // the machine's noise moves a single start by 10-30 %: medians of 5 rounds, each round both apps
    int rounds = BenchmarkSize.of("startup.runs", 5, 1);
    List<Duration> referenceFirst = new ArrayList<>();
    List<Duration> referenceRestart = new ArrayList<>();
    List<Duration> redressFirst = new ArrayList<>();
    List<Duration> redressRestart = new ArrayList<>();
    for (int round = 0; round < rounds; round++) {
      String referenceDb = "jdbc:h2:file:" + directory.resolve("reference-" + round).resolve("db") + ";WRITE_DELAY=0";
      for (List<Duration> starts : List.of(referenceFirst, referenceRestart)) {
        try (RedressNode reference = RedressNode.startReference("startup-reference", referenceDb, "sa",
            "--camunda.bpm.database.type=h2")) {
          starts.add(reference.startUp());
        }
      }
      Path redress = Files.createDirectories(directory.resolve("redress-" + round));
      int port = RedressNode.freePort();
      for (List<Duration> starts : List.of(redressFirst, redressRestart)) {
        try (RedressNode node = RedressNode.startEmbedded("startup-redress", redress, port)) {
          starts.add(node.startUp());
        }
      }
    }
    assertThat(redressFirst).hasSize(rounds);

    List<String> table = List.of(
        "start-up until healthy, embedded H2, medians of " + rounds + " round(s)",
        row("first start", median(redressFirst), median(referenceFirst), 2.0),
        row("restart", median(redressRestart), median(referenceRestart), 1.2),
        rounds("first starts", redressFirst, referenceFirst),
        rounds("restarts", redressRestart, referenceRestart));
    table.forEach(line -> System.out.println("[measurement] " + line));
    Files.createDirectories(BenchmarkSize.measurements());
    Files.writeString(BenchmarkSize.measurements("startup.txt"), String.join(System.lineSeparator(), table)
        + System.lineSeparator());
  }

  private static String row(String what, Duration redress, Duration reference, double target) {
    double ratio = (double) redress.toMillis() / reference.toMillis();
    return "%s: Redress %.1f s, reference %.1f s: %.2f× (target ≤ %.1f×)".formatted(what, redress.toMillis() / 1000.0,
        reference.toMillis() / 1000.0, ratio, target);
  }

  private static String rounds(String what, List<Duration> redress, List<Duration> reference) {
    return "%s, round by round: Redress %s, reference %s".formatted(what, seconds(redress), seconds(reference));
  }

  private static String seconds(List<Duration> starts) {
    return starts.stream().map(start -> "%.1f".formatted(start.toMillis() / 1000.0)).toList().toString();
  }

  private static Duration median(List<Duration> starts) {
    List<Duration> sorted = starts.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }
}
