package com.redress.compensation;

import com.redress.support.ApplicationTest;

class H2BudgetConcurrencyTest extends ApplicationTest implements BudgetConcurrencyScenarios {
}
