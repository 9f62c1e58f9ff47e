package reference;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The bare reference Redress is measured against (ReferenceComparisonBenchmark): Spring Boot and
 * Camunda 7.24 with history FULL and authorizations on, engine REST behind Camunda's Basic filter,
 * minimal models with the element kinds Redress uses, and no Redress code. Configured by
 * src/test/resources/reference.yml ({@code --spring.config.name=reference}).
 */
@SpringBootApplication
public class ReferenceApplication {

  public static final String USER = "refuser";
  public static final String PASSWORD = "ref-password";
  public static final String GROUP = "referenceteam";

  public static void main(String[] args) {
    SpringApplication.run(ReferenceApplication.class, args);
  }

  /** Camunda's own authentication in front of engine REST, as in Redress; nothing else is secured. */
  @Bean
  SecurityFilterChain openApart(HttpSecurity http) throws Exception {
    return http.csrf(c -> c.disable()).authorizeHttpRequests(r -> r.anyRequest().permitAll()).build();
  }

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.addUrlPatterns("/engine-rest/*");
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
    return registration;
  }

  /** One plain member of one group, allowed to start the reference processes; tasks via candidate groups. */
  @Bean
  ApplicationRunner member(IdentityService identity, AuthorizationService authorizations) {
    return args -> {
      if (identity.createUserQuery().userId(USER).count() > 0) {
        return;
      }
      User user = identity.newUser(USER);
      user.setPassword(PASSWORD);
      identity.saveUser(user);
      identity.saveGroup(identity.newGroup(GROUP));
      identity.createMembership(USER, GROUP);
      for (var grant : List.of(
          new Object[] {Resources.PROCESS_DEFINITION, new Permissions[] {Permissions.READ, Permissions.CREATE_INSTANCE}},
          new Object[] {Resources.PROCESS_INSTANCE, new Permissions[] {Permissions.CREATE}})) {
        Authorization authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        authorization.setGroupId(GROUP);
        authorization.setResource((Resources) grant[0]);
        authorization.setResourceId(Authorization.ANY);
        for (Permissions permission : (Permissions[]) grant[1]) {
          authorization.addPermission(permission);
        }
        authorizations.saveAuthorization(authorization);
      }
    };
  }
}
