package com.redress.analysis;

import java.util.ArrayList;
import java.util.List;

/** Cases the changed decision could not evaluate: counted, and the first few shown with their reason. */
final class Failures {

  private static final int SHOWN = 10;
  private final List<String> messages = new ArrayList<>();
  private int count;

  void add(String reference, RuntimeException e) {
    count++;
    if (messages.size() < SHOWN) {
      messages.add(reference + ": " + e.getMessage());
    }
  }

  int count() {
    return count;
  }

  List<String> messages() {
    return messages;
  }
}
