package com.complaintengine.server.security;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Issue 7: every request is authenticated (local users over HTTP Basic by default, JWTs of an OAuth2/OIDC
 * provider with {@code complaint.security.mode=jwt}) and authorized by {@link AccessRules}; the API is stateless
 * (no session, so no CSRF token: see docs/decisions.md), answers with security headers, and refuses oversized or
 * non-JSON state-changing requests before anything else.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EngineSecurityProperties.class)
class SecurityConfiguration {

    private static final Set<String> UNSAFE = Set.of("POST", "PUT", "PATCH", "DELETE");

    @Bean
    AccessRules accessRules(EngineSecurityProperties properties) {
        return new AccessRules(properties.jwt().departmentClaim());
    }

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, EngineSecurityProperties properties, AccessRules rules)
            throws Exception {
        boolean local = properties.mode() == EngineSecurityProperties.Mode.LOCAL;
        AuthenticationEntryPoint unauthorized = ProblemAnswers.unauthorized(
                local ? "Basic realm=\"complaint-engine\", charset=\"UTF-8\"" : "Bearer");
        http.authorizeHttpRequests(requests -> requests.anyRequest().access(rules))
            .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            // Enforced for any request that belongs to a browser session; Basic and JWT calls carry no session.
            .csrf(csrf -> csrf.requireCsrfProtectionMatcher(request -> UNSAFE.contains(request.getMethod())
                    && request.getSession(false) != null))
            .requestCache(AbstractHttpConfigurer::disable)
            .formLogin(AbstractHttpConfigurer::disable)
            .logout(AbstractHttpConfigurer::disable)
            .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(unauthorized)
                                                       .accessDeniedHandler(ProblemAnswers.forbidden()))
            .headers(headers -> headers
                    .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
                    .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                    .frameOptions(frame -> frame.deny()));
        if (local) {
            http.httpBasic(basic -> basic.authenticationEntryPoint(unauthorized));
        } else {
            http.oauth2ResourceServer(server -> server.authenticationEntryPoint(unauthorized)
                    .accessDeniedHandler(ProblemAnswers.forbidden())
                    .jwt(jwt -> jwt.jwtAuthenticationConverter(jwtConverter(properties.jwt()))));
        }
        return http.build();
    }

    /**
     * Hashes as {@code {bcrypt}...} (any {@code {id}} Spring knows is read); a password that matched is remembered
     * for {@code complaint.security.credential-cache-ttl} (PT5M; PT0S checks every request) — see
     * {@link VerifiedCredentials}.
     */
    @Bean
    PasswordEncoder passwordEncoder(@Value("${complaint.security.credential-cache-ttl:PT5M}") Duration ttl, Clock clock) {
        return new VerifiedCredentials(PasswordEncoderFactories.createDelegatingPasswordEncoder(), ttl, clock);
    }

    @Bean
    @ConditionalOnProperty(name = "complaint.security.mode", havingValue = "local", matchIfMissing = true)
    LocalUsers localUsers(EngineSecurityProperties properties, JdbcTemplate jdbc, PasswordEncoder encoder, Clock clock) {
        return new LocalUsers(properties, jdbc, encoder, clock);
    }

    @Bean
    PrincipalOperators principalOperators(EngineSecurityProperties properties) {
        return new PrincipalOperators(properties.jwt().departmentClaim());
    }

    @Bean
    FilterRegistrationBean<RequestGuard> requestGuard(EngineSecurityProperties properties) {
        FilterRegistrationBean<RequestGuard> registration =
                new FilterRegistrationBean<>(new RequestGuard(properties.maxRequestSize().toBytes()));
        // Before Spring Security's chain (-100): an oversized body is refused before anything reads it.
        registration.setOrder(-200);
        return registration;
    }

    @Bean
    WebMvcConfigurer caseVisibility(JdbcTemplate jdbc) {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new CaseVisibility(jdbc)).addPathPatterns("/api/complaints/**");
            }
        };
    }

    /** Registered once every bean exists, before the first request; not a bean itself, so it is registered once. */
    @Bean
    SmartInitializingSingleton operatorMetaDataOnEvents(ObjectProvider<EventStore> eventStore) {
        return () -> eventStore.ifAvailable(store -> store.registerDispatchInterceptor(new OperatorMetaData()));
    }

    /** Name, roles and department from the configured claims; unknown role names are ignored. */
    static JwtAuthenticationConverter jwtConverter(EngineSecurityProperties.JwtClaims claims) {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setPrincipalClaimName(claims.nameClaim());
        converter.setJwtGrantedAuthoritiesConverter(jwt -> roles(jwt, claims.rolesClaim()));
        return converter;
    }

    /** The roles claim as a list or a space- or comma-separated string; a dotted name walks nested claims. */
    private static Collection<GrantedAuthority> roles(Jwt jwt, String claim) {
        Object value = jwt.getClaims();
        for (String part : claim.split("\\.")) {
            value = value instanceof Map<?, ?> map ? map.get(part) : null;
        }
        List<String> names = new ArrayList<>();
        if (value instanceof Collection<?> collection) {
            collection.forEach(item -> names.add(String.valueOf(item)));
        } else if (value instanceof String text) {
            names.addAll(List.of(text.split("[\\s,]+")));
        }
        List<GrantedAuthority> authorities = new ArrayList<>();
        names.forEach(name -> Role.parse(name).ifPresent(role -> authorities.add(new SimpleGrantedAuthority(role.authority()))));
        return authorities;
    }
}
