package com.redress.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.redress.language.LanguageResolver;
import com.redress.language.Phrases;
import com.redress.shared.ApiExceptionHandler;
import com.redress.shared.RequestSizeLimitFilter;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Who may call what. {@code /api}: HTTP Basic against Camunda's users, except the customer
 * endpoints, which check the complaint's access token themselves. {@code /engine-rest}: Camunda's
 * own Basic filter, so every call runs with that user's authorizations. The webapps keep their
 * own session login.
 */
@Configuration
class SecurityConfig {

  /**
   * Redress's own pages (customer, staff): scripts, styles, images and form posts from this origin
   * only, so an injected script neither runs nor sends data anywhere; no inline scripts (inline
   * styles stay: they carry no script). The webapps send Camunda's own policy.
   */
  static final String PAGES_CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
      + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
      + "form-action 'self'; frame-ancestors 'none'";

  @Bean
  @Order(1)
  SecurityFilterChain api(HttpSecurity http, IdentityService identityService, ObjectMapper json, Phrases phrases,
      LanguageResolver languages) throws Exception {
    AuthenticationEntryPoint problem = (request, response, e) -> {
      if (e instanceof AuthenticationServiceException) {
        // the credentials could not be checked at all (database out of reach): try again, not "who are you?"
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader(HttpHeaders.RETRY_AFTER, ApiExceptionHandler.RETRY_AFTER_SECONDS);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getWriter(), ApiExceptionHandler.databaseUnavailable(phrases, languages.resolveLocale(request)));
        return;
      }
      response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
      response.setHeader("WWW-Authenticate", "Basic realm=\"Redress\"");
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response.getWriter().write("{\"type\":\"https://redress.example/problems/unauthorized\","
          + "\"title\":\"Unauthorized\",\"status\":401,\"detail\":\"Staff credentials (HTTP Basic) are required.\","
          + "\"errors\":[]}");
    };
    AccessDeniedHandler forbidden = (request, response, e) -> {
      response.setStatus(HttpServletResponse.SC_FORBIDDEN);
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response.getWriter().write("{\"type\":\"https://redress.example/problems/forbidden\","
          + "\"title\":\"Forbidden\",\"status\":403,\"detail\":\"Your groups do not allow this call.\","
          + "\"errors\":[]}");
    };
    return http
        .securityMatcher("/api/**")
        .csrf(csrf -> csrf.disable())
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .authorizeHttpRequests(requests -> requests
            .requestMatchers(HttpMethod.POST, "/api/complaints").permitAll()
            // the customer's token in the body is the credential
            .requestMatchers(HttpMethod.POST, "/api/complaints/*/survey").permitAll()
            // staff or the customer's token; the controller tells them apart
            .requestMatchers(HttpMethod.GET, "/api/complaints/*").permitAll()
            .requestMatchers(HttpMethod.POST, "/api/audit/retention").hasAuthority(Groups.CAMUNDA_ADMIN)
            .requestMatchers("/api/audit/**").hasAnyAuthority(Groups.AUDITORS, Groups.CAMUNDA_ADMIN)
            .requestMatchers(HttpMethod.POST, "/api/award-runs").hasAnyAuthority(Groups.AWARD_COMMITTEE, Groups.CAMUNDA_ADMIN)
            // any member of staff may object to published results; payroll reads the payout list
            .requestMatchers(HttpMethod.POST, "/api/award-runs/*/objections").authenticated()
            .requestMatchers(HttpMethod.GET, "/api/award-runs/*/payout.csv").hasAnyAuthority(Groups.FINANCE,
                Groups.CAMUNDA_ADMIN)
            // until results are published, colleagues' scores and nomination reasons are for the deciders
            .requestMatchers("/api/award-runs/**").hasAnyAuthority(Groups.AWARD_COMMITTEE, Groups.SERVICE_MANAGERS,
                Groups.FINANCE, Groups.AUDITORS, Groups.CAMUNDA_ADMIN)
            .requestMatchers(HttpMethod.PUT, "/api/compensation/budgets/**")
                .hasAnyAuthority(Groups.FINANCE, Groups.CAMUNDA_ADMIN)
            .requestMatchers("/api/analysis/**", "/api/migrations/**", "/api/migrations")
                .hasAnyAuthority(Groups.PROCESS_ANALYSTS, Groups.CAMUNDA_ADMIN)
            .requestMatchers("/api/privacy/**").hasAnyAuthority(Groups.PRIVACY_OFFICERS, Groups.CAMUNDA_ADMIN)
            .requestMatchers("/api/reports/kpis")
                .hasAnyAuthority(Groups.SERVICE_MANAGERS, Groups.AUDITORS, Groups.CAMUNDA_ADMIN)
            .requestMatchers("/api/compensation/**", "/api/reports/compensation")
                .hasAnyAuthority(Groups.FINANCE, Groups.SERVICE_MANAGERS, Groups.AUDITORS, Groups.CAMUNDA_ADMIN)
            .anyRequest().authenticated())
        .httpBasic(basic -> basic.authenticationEntryPoint(problem))
        .exceptionHandling(errors -> errors.authenticationEntryPoint(problem).accessDeniedHandler(forbidden))
        .addFilterAfter(new CamundaIdentityFilter(identityService), BasicAuthenticationFilter.class)
        .build();
  }

  /**
   * Staff pages (home, audit, award results, KPI dashboard, what-if) and the metrics: one form
   * sign-in with the Camunda user, a session, CSRF protection. Who may open what: {@link StaffArea}.
   */
  @Bean
  @Order(2)
  SecurityFilterChain staffPagesSecurity(HttpSecurity http) throws Exception {
    return http
        .securityMatcher(StaffArea.PAGES.stream().map(StaffArea::pattern).toArray(String[]::new))
        .authorizeHttpRequests(requests -> {
          requests.requestMatchers(StaffArea.LOGIN_PAGE, "/actuator/health").permitAll();
          for (StaffArea area : StaffArea.PAGES) {
            if (area.groups().isEmpty()) {
              requests.requestMatchers(area.pattern()).authenticated();
            } else {
              requests.requestMatchers(area.pattern()).hasAnyAuthority(area.groups().toArray(String[]::new));
            }
          }
          requests.anyRequest().denyAll();
        })
        .formLogin(form -> form.loginPage(StaffArea.LOGIN_PAGE).defaultSuccessUrl(StaffArea.HOME))
        // scripts and tests may sign in with HTTP Basic, as on the API
        .httpBasic(basic -> { })
        .logout(logout -> logout.logoutUrl("/staff/logout").logoutSuccessUrl(StaffArea.LOGIN_PAGE + "?logout"))
        .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(PAGES_CONTENT_SECURITY_POLICY)))
        .build();
  }

  /** Everything else (webapps, engine REST, customer pages) authenticates on its own. */
  @Bean
  @Order(3)
  SecurityFilterChain everythingElse(HttpSecurity http) throws Exception {
    return http
        .csrf(csrf -> csrf.disable())
        .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        // customer pages carry the access token in their URL: no Referer may take it to another site
        .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin())
            .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
            .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                PathPatternRequestMatcher.withDefaults().matcher("/complaints/**"),
                new ContentSecurityPolicyHeaderWriter(PAGES_CONTENT_SECURITY_POLICY))))
        .build();
  }

  @Bean
  AuthenticationProvider camundaUsers(IdentityService identityService) {
    return new CamundaUserAuthenticationProvider(identityService);
  }

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.addUrlPatterns("/engine-rest/*");
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
    registration.setName("engine-rest-authentication");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
    return registration;
  }

  @Bean
  FilterRegistrationBean<RequestSizeLimitFilter> apiBodyLimit() {
    FilterRegistrationBean<RequestSizeLimitFilter> registration = new FilterRegistrationBean<>(new RequestSizeLimitFilter());
    registration.addUrlPatterns("/api/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }
}
