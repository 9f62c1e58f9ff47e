package com.redress.language;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Spring MVC and Thymeleaf ask {@link LanguageResolver} for every request's language. */
@Configuration
class LanguageConfig implements WebMvcConfigurer {

  private final InstallationLanguage installation;

  LanguageConfig(InstallationLanguage installation) {
    this.installation = installation;
  }

  @Bean(DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME)
  LanguageResolver localeResolver() {
    return new LanguageResolver(installation);
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    LanguageResolver resolver = localeResolver();
    registry.addInterceptor(new HandlerInterceptor() {
      @Override
      public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        resolver.remember(request, response);
        return true;
      }
    });
  }
}
