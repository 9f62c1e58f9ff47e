package com.redress.tasklist;

import com.redress.support.ApplicationTest;

/** Redress's task statements against the engine's, on H2. */
class TaskQueryEquivalenceTest extends ApplicationTest implements TaskQueryEquivalenceScenarios {
}
