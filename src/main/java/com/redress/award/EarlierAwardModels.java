package com.redress.award;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * EmployeeAward up to 1.1.x names the nomination review's listener by its former name; instances
 * still running on those versions find it under that name. Remove once none runs.
 */
@Configuration(proxyBeanMethods = false)
class EarlierAwardModels {

  @Bean
  ExecutionListener reviewNominationsListener(ValidateNominationChangeListener listener) {
    return listener;
  }
}
