package com.redress.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;

/** How long sequential calls take; each must answer 200. */
final class CallTimes {

  private CallTimes() {
  }

  /** Milliseconds of {@code calls} calls, shortest first. */
  static List<Double> of(int calls, Supplier<HttpResponse<String>> call) {
    List<Double> ms = new ArrayList<>();
    for (int i = 0; i < calls; i++) {
      long start = System.nanoTime();
      HttpResponse<String> response = call.get();
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      ms.add((System.nanoTime() - start) / 1e6);
    }
    Collections.sort(ms);
    return ms;
  }
}
