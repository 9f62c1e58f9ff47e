package com.redress.tasklist;

import com.redress.support.PostgresApplicationTest;

/** Redress's task statements against the engine's, on PostgreSQL. */
class PostgresTaskQueryEquivalenceTest extends PostgresApplicationTest implements TaskQueryEquivalenceScenarios {
}
