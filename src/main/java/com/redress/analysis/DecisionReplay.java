package com.redress.analysis;

import com.redress.shared.DayRange;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;

/** Replays one kind of decision, as changed by an analyst, on the period's closed complaints. */
interface DecisionReplay {

  /** The decision this replay evaluates; an uploaded file must contain it. */
  String decisionKey();

  /** @param decisions every decision of the uploaded file, by key */
  WhatIfReport replay(Map<String, DmnDecision> decisions, DayRange period, Progress progress);

  /** How far a replay is: for the page and the API while it runs. */
  interface Progress {
    void total(int cases);

    void done();
  }
}
