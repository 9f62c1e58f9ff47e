package com.redress.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What erasure finds of a customer in free texts, and what it leaves alone (docs/adr/0017). */
class PersonalDataTest {

  private final PersonalData customer = new PersonalData(
      List.of("Li Wei", "li.wei@example.com", "+86 137 1234 5678", "王 芳", "ORD-77", "12", "Li"),
      List.of("Late", "The parcel came three days late."));

  @Test
  void namesAddressesAndNumbersAreFoundInsideTextsIgnoringCase() {
    assertThat(customer.erasedFrom("Called LI WEI (li.wei@Example.com) at home."))
        .isEqualTo("Called (erased) ((erased)) at home.");
    assertThat(customer.erasedFrom("客户王 芳投诉了")).isEqualTo("客户(erased)投诉了");
    assertThat(customer.erasedFrom("Order ORD-77 was late.")).isEqualTo("Order (erased) was late.");
  }

  @Test
  void aPhoneNumberIsFoundAsWrittenAndAsItsDigits() {
    assertThat(customer.erasedFrom("ring +86 137 1234 5678 or 8613712345678"))
        .isEqualTo("ring (erased) or (erased)");
  }

  @Test
  void shortOrCommonValuesEraseNothingElse() {
    assertThat(customer.foundIn("DELIVERY handled on 2026-12-07 for 12.50 CNY by Lisa")).isFalse();
    assertThat(new PersonalData(List.of("1234567"), List.of()).erasedFrom("refund 1234567.50 of 71234567"))
        .as("not a decimal's half, not inside a longer number").isEqualTo("refund 1234567.50 of 71234567");
  }

  @Test
  void theCustomersOwnWordsAreFoundOnlyAsTheWholeValueExactly() {
    assertThat(customer.erasedFrom("Late")).isEqualTo(PersonalData.ERASED);
    assertThat(customer.erasedFrom("The parcel came three days late.")).isEqualTo(PersonalData.ERASED);
    assertThat(customer.erasedFrom("late again")).isEqualTo("late again");
    assertThat(customer.erasedFrom("LATE")).isEqualTo("LATE");
  }
}
