package com.redress.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

/**
 * Where staff land after signing in on the staff pages without asking for a page first: the page
 * of their work, not one their groups cannot open.
 */
class StaffLanding extends SavedRequestAwareAuthenticationSuccessHandler {

  private static final Map<String, String> PAGE_BY_GROUP = new LinkedHashMap<>();

  static {
    PAGE_BY_GROUP.put(Groups.AUDITORS, "/audit");
    PAGE_BY_GROUP.put(Groups.CAMUNDA_ADMIN, "/audit");
    PAGE_BY_GROUP.put(Groups.SERVICE_MANAGERS, "/reports/kpis");
    PAGE_BY_GROUP.put(Groups.PROCESS_ANALYSTS, "/analysis/what-if");
  }

  /** Everyone else reads the award results; Tasklist is their place for work. */
  private static final String ANY_STAFF = "/camunda/app/tasklist/";

  @Override
  protected String determineTargetUrl(HttpServletRequest request, HttpServletResponse response,
      Authentication authentication) {
    return PAGE_BY_GROUP.entrySet().stream()
        .filter(e -> authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
            .anyMatch(e.getKey()::equals))
        .map(Map.Entry::getValue).findFirst().orElse(ANY_STAFF);
  }
}
