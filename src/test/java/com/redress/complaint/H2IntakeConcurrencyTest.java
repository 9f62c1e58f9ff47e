package com.redress.complaint;

import com.redress.support.ApplicationTest;

class H2IntakeConcurrencyTest extends ApplicationTest implements IntakeConcurrencyScenarios {

  @Override
  public String databaseName() {
    return "h2";
  }
}
