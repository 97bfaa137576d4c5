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
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Issue 7: every request is authenticated (local users over HTTP Basic by default, JWTs of an OAuth2/OIDC
 * provider with {@code complaint.security.mode=jwt}) and authorized by {@link AccessRules}; the API is stateless
 * (no session, so no CSRF token: see docs/decisions.md), answers with security headers, and refuses oversized or
 * non-JSON state-changing requests before anything else. The web console (issue 8) logs in on a form and works on a
 * browser session, whose state-changing calls must carry its CSRF token.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EngineSecurityProperties.class)
class SecurityConfiguration {

    private static final Set<String> UNSAFE = Set.of("POST", "PUT", "PATCH", "DELETE");
    /** Where the web console (issue 8) lives. */
    static final String CONSOLE = "/console/";
    /** The header the console's scripts send with every call. */
    static final String CONSOLE_CALL = "X-Requested-With";

    private static boolean console(jakarta.servlet.http.HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/") || path.equals("/console") || path.startsWith(CONSOLE);
    }

    @Bean
    AccessRules accessRules(EngineSecurityProperties properties) {
        return new AccessRules(properties.jwt().departmentClaim());
    }

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, EngineSecurityProperties properties, AccessRules rules)
            throws Exception {
        boolean local = properties.mode() == EngineSecurityProperties.Mode.LOCAL;
        AuthenticationEntryPoint challenge = ProblemAnswers.unauthorized(
                local ? "Basic realm=\"complaint-engine\", charset=\"UTF-8\"" : "Bearer");
        // The console's scripts mark their calls: a 401 there must not make the browser open its own login dialog.
        AuthenticationEntryPoint unauthorized = (request, response, exception) -> {
            if (request.getHeader(CONSOLE_CALL) != null) {
                ProblemAnswers.unauthorized(null).commence(request, response, exception);
            } else {
                challenge.commence(request, response, exception);
            }
        };
        http.authorizeHttpRequests(requests -> requests.anyRequest().access(rules))
            // API calls (Basic, JWT) never create a session: their authentication is kept for the request only.
            // A session exists only after a login on the web console's form (issue 8). Session management is left
            // at Spring's default on purpose: naming a creation policy adds a filter that stores every login.
            // Enforced for any request that belongs to a browser session; Basic and JWT calls carry no session.
            .csrf(csrf -> csrf.requireCsrfProtectionMatcher(request -> UNSAFE.contains(request.getMethod())
                    && request.getSession(false) != null))
            .requestCache(AbstractHttpConfigurer::disable)
            .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(unauthorized)
                                                       .accessDeniedHandler(ProblemAnswers.forbidden()))
            .headers(headers -> headers
                    // The API answers data only; the console's pages load their own scripts, styles and data, nothing else.
                    .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(SecurityConfiguration::console,
                            new StaticHeadersWriter("Content-Security-Policy", "default-src 'none'; script-src 'self'; "
                                    + "style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; "
                                    + "base-uri 'none'; frame-ancestors 'none'")))
                    .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(request -> !console(request),
                            new StaticHeadersWriter("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")))
                    .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                    .frameOptions(frame -> frame.deny()));
        if (local) {
            // A Basic login holds for its request only: it is never saved in a session (none is created for it).
            http.httpBasic(basic -> basic.authenticationEntryPoint(unauthorized)
                                         .securityContextRepository(new RequestAttributeSecurityContextRepository()))
                // The web console's login form (issue 8): local users only; with JWTs the console needs an OIDC login.
                .formLogin(form -> form.loginPage(CONSOLE + "login.html").loginProcessingUrl(CONSOLE + "login")
                                       .defaultSuccessUrl(CONSOLE, true).failureUrl(CONSOLE + "login.html?error"))
                .logout(logout -> logout.logoutUrl(CONSOLE + "logout").logoutSuccessUrl(CONSOLE + "login.html?logout"));
        } else {
            http.formLogin(AbstractHttpConfigurer::disable).logout(AbstractHttpConfigurer::disable)
                .oauth2ResourceServer(server -> server.authenticationEntryPoint(unauthorized)
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

            /** The console's start page; the engine's root leads there. */
            @Override
            public void addViewControllers(ViewControllerRegistry registry) {
                registry.addRedirectViewController("/", CONSOLE);
                registry.addRedirectViewController("/console", CONSOLE);
                registry.addViewController(CONSOLE).setViewName("forward:" + CONSOLE + "index.html");
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
