package com.redress.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs an authenticated staff request under that user's Camunda identity, so the engine applies
 * their authorizations and the user operation log names them.
 */
class CamundaIdentityFilter extends OncePerRequestFilter {

  private final IdentityService identityService;

  CamundaIdentityFilter(IdentityService identityService) {
    this.identityService = identityService;
  }

  /**
   * Calls Redress checks itself and then runs as the system: the public intake, the customer's
   * survey answer, and a member of staff's objection to published awards (who may object is
   * Redress's rule, not a Camunda permission on the award process).
   */
  private static final Pattern AS_SYSTEM = Pattern.compile(
      "/api/complaints|/api/complaints/[^/]+/survey|/api/award-runs/[^/]+/objections");

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return "POST".equals(request.getMethod()) && AS_SYSTEM.matcher(request.getRequestURI()).matches();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null || !authentication.isAuthenticated()
        || authentication instanceof AnonymousAuthenticationToken) {
      chain.doFilter(request, response);
      return;
    }
    identityService.setAuthentication(authentication.getName(),
        authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList());
    try {
      chain.doFilter(request, response);
    } finally {
      identityService.clearAuthentication();
    }
  }
}
