package com.redress.compensation;

import com.redress.support.PostgresApplicationTest;

class PostgresBudgetConcurrencyTest extends PostgresApplicationTest implements BudgetConcurrencyScenarios {
}
