package com.redress.identity;

import com.redress.shared.Database;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** Checks staff credentials against Camunda's identity service; the user's groups become authorities. */
class CamundaUserAuthenticationProvider implements AuthenticationProvider {

  private final IdentityService identityService;

  CamundaUserAuthenticationProvider(IdentityService identityService) {
    this.identityService = identityService;
  }

  @Override
  public Authentication authenticate(Authentication authentication) {
    String user = authentication.getName();
    Object credentials = authentication.getCredentials();
    try {
      if (user == null || credentials == null || !identityService.checkPassword(user, credentials.toString())) {
        throw new BadCredentialsException("Unknown user or wrong password");
      }
      List<SimpleGrantedAuthority> groups = identityService.createGroupQuery().groupMember(user).unlimitedList()
          .stream().map(Group::getId).map(SimpleGrantedAuthority::new).toList();
      return UsernamePasswordAuthenticationToken.authenticated(user, null, groups);
    } catch (RuntimeException e) {
      if (Database.unreachable(e)) {
        // not the caller's fault: the entry point answers 503, not 401
        throw new AuthenticationServiceException("Cannot check credentials: the database is out of reach", e);
      }
      throw e;
    }
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
