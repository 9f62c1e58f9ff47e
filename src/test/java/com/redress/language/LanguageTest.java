package com.redress.language;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.http.Cookie;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** Which language each reader gets: the rules of LanguageResolver and of the Accept-Language header. */
class LanguageTest {

  private final LanguageResolver chineseInstallation = new LanguageResolver(new InstallationLanguage("zh-CN"));

  @Test
  void theFirstSpokenLanguageOfTheHeaderByWeightWins() {
    assertThat(Language.acceptedIn("zh-CN,zh;q=0.9,en;q=0.8")).contains(Language.ZH_CN);
    assertThat(Language.acceptedIn("fr-FR,fr;q=0.9,en-US;q=0.7,zh;q=0.5")).contains(Language.EN);
    assertThat(Language.acceptedIn("en;q=0.2, zh-TW;q=0.8")).as("Traditional readers read Simplified better")
        .contains(Language.ZH_CN);
    assertThat(Language.acceptedIn("de, *;q=0.1")).isEmpty();
    assertThat(Language.acceptedIn("zh;q=0, en;q=0.5")).as("q=0 means not this one").contains(Language.EN);
    assertThat(Language.acceptedIn("a-very-broken-header;q=x")).isEmpty();
    assertThat(Language.acceptedIn(null)).isEmpty();
  }

  @Test
  void theSettingTakesOnlyTheLanguagesRedressSpeaks() {
    assertThat(new InstallationLanguage("zh_cn").get()).isEqualTo(Language.ZH_CN);
    assertThatThrownBy(() -> new InstallationLanguage("fr")).hasMessageContaining("use one of en, zh-CN");
  }

  @Test
  void customersPagesFollowTheSwitchThenTheCookieThenTheBrowser() {
    assertThat(language("/complaints/CMP-2026-000001", "en-US", null, null)).isEqualTo(Language.EN);
    assertThat(language("/complaints/CMP-2026-000001", "en-US", "zh-CN", null)).isEqualTo(Language.ZH_CN);
    assertThat(language("/complaints/new", "zh-CN", null, "en")).isEqualTo(Language.EN);
    assertThat(language("/complaints/new", "zh-CN", "en", "zh-CN")).isEqualTo(Language.EN);
    assertThat(language("/complaints/new", "fr", null, null)).as("none spoken: the installation's")
        .isEqualTo(Language.ZH_CN);
    assertThat(language("/complaints/new", "en", "klingon", null)).as("an unknown switch is ignored")
        .isEqualTo(Language.EN);
  }

  @Test
  void theApiFollowsTheCallerAndStaffPagesTheInstallation() {
    assertThat(language("/api/complaints", "en", "zh-CN", "zh-CN")).as("no switch, no cookie for the API")
        .isEqualTo(Language.EN);
    assertThat(language("/audit/search", "en", "en", "en")).isEqualTo(Language.ZH_CN);
    assertThat(language("/complaintsX", "en", null, null)).as("not a customer page").isEqualTo(Language.ZH_CN);
    assertThat(chineseInstallation.resolveLocale(request("/staff", "en", null, null)))
        .isEqualTo(Locale.SIMPLIFIED_CHINESE);
  }

  private Language language(String path, String acceptLanguage, String parameter, String cookie) {
    return chineseInstallation.languageOf(request(path, acceptLanguage, parameter, cookie));
  }

  private static MockHttpServletRequest request(String path, String acceptLanguage, String parameter, String cookie) {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
    request.addHeader("Accept-Language", acceptLanguage);
    Optional.ofNullable(parameter).ifPresent(value -> request.setParameter(LanguageResolver.PARAMETER, value));
    Optional.ofNullable(cookie).ifPresent(value -> request.setCookies(new Cookie(LanguageResolver.COOKIE, value)));
    return request;
  }
}
