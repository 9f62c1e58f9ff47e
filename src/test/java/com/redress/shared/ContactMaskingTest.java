package com.redress.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContactMaskingTest {

  @Test
  void anEmailAddressKeepsTwoCharactersOfItsMailboxAndItsDomain() {
    assertThat(ContactMasking.email("li.wei@example.com")).isEqualTo("li***@example.com");
    assertThat(ContactMasking.email("ab@example.com")).isEqualTo("a***@example.com");
    assertThat(ContactMasking.email("a@example.com")).isEqualTo("***@example.com");
    assertThat(ContactMasking.email("not an address")).isEqualTo("****");
    assertThat(ContactMasking.email(null)).isNull();
  }

  @Test
  void aPhoneNumberKeepsItsCountryCodeAndNeverMoreThanHalfItsDigits() {
    assertThat(ContactMasking.phone("+86 138 0013 8000")).isEqualTo("+86 138 **** 8000");
    assertThat(ContactMasking.phone("+86-13800138000")).isEqualTo("+86 138 **** 8000");
    assertThat(ContactMasking.phone("+8613800138000")).isEqualTo("+86 138 **** 8000");
    assertThat(ContactMasking.phone("13800138000")).isEqualTo("138 **** 8000");
    assertThat(ContactMasking.phone("(010) 6552 9988")).isEqualTo("010 **** 9988");
    // Hong Kong's eight digits, a ten-digit landline: only the last two
    assertThat(ContactMasking.phone("+852 9123 4567")).isEqualTo("+852 **** 67");
    assertThat(ContactMasking.phone("0755 888 996")).isEqualTo("**** 96");
    assertThat(ContactMasking.phone("+86 12345")).isEqualTo("+86 ****");
    assertThat(ContactMasking.phone(null)).isNull();
  }
}
