package com.redress.complaint;

import com.redress.support.ApplicationTest;
import com.redress.support.Http;
import org.camunda.bpm.engine.ProcessEngine;

class H2IntakeConcurrencyTest extends ApplicationTest implements IntakeConcurrencyScenarios {

  @Override
  public Http http() {
    return http;
  }

  @Override
  public ProcessEngine engine() {
    return engine;
  }

  @Override
  public String databaseName() {
    return "h2";
  }
}
