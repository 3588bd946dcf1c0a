package org.posmaintenance.identity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.posmaintenance.model.ModelContract;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The one security layer of the application's APIs and the engine REST API (Spring Security, backed by Camunda's
 * identity service through its public API):
 * <ul>
 * <li>{@code /api/merchant/**}: merchants, who are no Camunda users; their session and their tickets' tokens travel in
 * headers (no cookie, so no cross-site request can carry them);</li>
 * <li>{@code /engine-rest/**}: Camunda users with HTTP Basic, no session; the engine then checks their
 * authorizations;</li>
 * <li>the staff APIs under {@code /api/} ({@link StaffApi} beans): HTTP Basic (scripts), or the session of the staff
 * login ({@code POST /api/login}, page {@code /login/}); every change with the session needs the CSRF token
 * ({@code GET /api/session}); each API is for members of its groups, read from the identity service on every
 * request.</li>
 * </ul>
 * No answer asks for Basic credentials ({@code WWW-Authenticate}): a browser never keeps such credentials, so no
 * other site's request can carry them. Camunda's web applications ({@code /camunda/**}) keep their own login and
 * CSRF protection. After the authentication, the engine knows the user for the request ({@link #engineAuthentication}).
 */
@Configuration
@EnableWebSecurity
class StaffSecurity {

    static final String LOGIN = "/api/login";
    static final String LOGOUT = "/api/logout";
    static final String SESSION = "/api/session";
    /** The header a change with the web session sends its CSRF token in. */
    static final String CSRF_HEADER = "X-CSRF-TOKEN";

    private final IdentityService identity;
    private final ObjectMapper json;

    StaffSecurity(IdentityService identity, ObjectMapper json) {
        this.identity = identity;
        this.json = json;
    }

    /** The identity service checks user name and password; the groups are read where they are needed, afresh. */
    @Bean
    AuthenticationProvider camundaIdentity() {
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication authentication) {
                String user = authentication.getName();
                Object password = authentication.getCredentials();
                if (user == null || user.isBlank() || user.length() > 128 || !(password instanceof String text)
                        || text.length() > 1024 || !identity.checkPassword(user, text)) {
                    throw new BadCredentialsException("Wrong user name or password");
                }
                return UsernamePasswordAuthenticationToken.authenticated(user, null, List.of());
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
            }
        };
    }

    /**
     * The operators' endpoints: the load balancer asks {@code /actuator/health/readiness} (and {@code liveness})
     * without credentials and gets the status only; the health details and the Prometheus metrics are for the
     * administrators and the {@code monitoring} group (HTTP Basic, as Prometheus scrapes).
     */
    @Bean
    @Order(0)
    SecurityFilterChain operations(HttpSecurity http, AuthenticationProvider camundaIdentity) throws Exception {
        return http.securityMatcher(path("/actuator/**"))
                .authenticationProvider(camundaIdentity)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(path("/actuator/health/readiness"), path("/actuator/health/liveness")).permitAll()
                        .anyRequest().access(memberOf(List.of(ModelContract.ADMINS, ModelContract.MONITORING))))
                .httpBasic(basic -> basic.authenticationEntryPoint(unauthenticated("administrators and monitoring")))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(unauthenticated("administrators and monitoring")))
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain merchantApi(HttpSecurity http) throws Exception {
        return http.securityMatcher(path("/api/merchant/**"))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain engineRest(HttpSecurity http, AuthenticationProvider camundaIdentity) throws Exception {
        return http.securityMatcher(path(RestApiSecurity.ENGINE_REST + "/**"))
                .authenticationProvider(camundaIdentity)
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(unauthenticated("Camunda users")))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(unauthenticated("Camunda users")))
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain staffApis(HttpSecurity http, AuthenticationProvider camundaIdentity, List<StaffApi> apis) throws Exception {
        AuthenticationEntryPoint unauthenticated = unauthenticated("staff");
        return http.securityMatcher(path("/api/**"))
                .authenticationProvider(camundaIdentity)
                .authorizeHttpRequests(requests -> {
                    requests.requestMatchers(path(SESSION), path(LOGIN)).permitAll();
                    for (StaffApi api : apis) {
                        requests.requestMatchers(path(api.path()), path(api.path() + "/**")).access(memberOf(api.groups()));
                    }
                    requests.anyRequest().authenticated();
                })
                .httpBasic(basic -> basic.authenticationEntryPoint(unauthenticated))
                .formLogin(login -> login.loginProcessingUrl(LOGIN)
                        .successHandler((request, response, authentication) -> write(response, HttpStatus.OK, session(authentication)))
                        .failureHandler((request, response, failure) -> write(response, HttpStatus.UNAUTHORIZED,
                                Map.of("error", "unauthenticated", "message", "Wrong user name or password")))
                        .permitAll())
                .logout(logout -> logout.logoutUrl(LOGOUT)
                        .logoutSuccessHandler((request, response, authentication) -> response.setStatus(HttpStatus.NO_CONTENT.value())))
                .csrf(csrf -> csrf.requireCsrfProtectionMatcher(StaffSecurity::ridesOnTheSession))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(unauthenticated).accessDeniedHandler(forbidden(apis)))
                .requestCache(AbstractHttpConfigurer::disable)
                .build();
    }

    /**
     * The engine's authentication for the request (user, groups, tenants through {@link IdentityService}), set after
     * Spring Security authenticated the caller and cleared afterwards, on the engine REST API and the staff APIs that
     * work as the caller ({@link StaffApi#asCaller()}): the engine checks the caller's authorizations.
     */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> engineAuthentication(List<StaffApi> apis) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                String path = request.getRequestURI().substring(request.getContextPath().length());
                return !path.startsWith(RestApiSecurity.ENGINE_REST + "/")
                        && apis.stream().noneMatch(api -> api.asCaller() && api.covers(path));
            }

            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                Optional<String> user = authenticatedUser();
                if (user.isEmpty()) {
                    chain.doFilter(request, response);
                    return;
                }
                identity.setAuthentication(user.get(), groupsOf(user.get()),
                        identity.createTenantQuery().userMember(user.get()).includingGroupsOfUser(true).list().stream()
                                .map(Tenant::getId).toList());
                try {
                    chain.doFilter(request, response);
                } finally {
                    identity.clearAuthentication();
                }
            }
        });
        registration.setName("engine-authentication");
        registration.addUrlPatterns(RestApiSecurity.ENGINE_REST + "/*", "/api/*");
        registration.setOrder(RestApiSecurity.AUTHENTICATION_ORDER);
        return registration;
    }

    /**
     * Requests to this path pattern of the application, whatever servlet answers them (the engine REST API is not
     * Spring MVC's).
     */
    private static RequestMatcher path(String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(pattern);
    }

    /**
     * A change that a browser's session could carry: any change with a session, and every login (so that no other site
     * logs a browser in). Scripts authenticate each request with Basic, which no browser keeps (no answer asks for it);
     * a change without session or credentials is refused as unauthenticated.
     */
    private static boolean ridesOnTheSession(HttpServletRequest request) {
        if (List.of("GET", "HEAD", "OPTIONS", "TRACE").contains(request.getMethod()) || request.getHeader("Authorization") != null) {
            return false;
        }
        return request.getSession(false) != null || LOGIN.equals(request.getRequestURI().substring(request.getContextPath().length()));
    }

    /** The user Spring Security authenticated for this request, if any. */
    static Optional<String> authenticatedUser() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated() || authentication instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        return Optional.of(authentication.getName());
    }

    /** The staff session as the pages see it: who is logged in, with which groups. */
    Map<String, Object> session(Authentication authentication) {
        Map<String, Object> session = new LinkedHashMap<>();
        session.put("user", authentication.getName());
        session.put("groups", groupsOf(authentication.getName()));
        return session;
    }

    List<String> groupsOf(String user) {
        return identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
    }

    private AuthorizationManager<RequestAuthorizationContext> memberOf(List<String> groups) {
        return new AuthorizationManager<>() {
            @Override
            @SuppressWarnings("deprecation")
            public AuthorizationDecision check(Supplier<Authentication> authentication, RequestAuthorizationContext context) {
                Authentication who = authentication.get();
                boolean member = who != null && who.isAuthenticated() && !(who instanceof AnonymousAuthenticationToken)
                        && groupsOf(who.getName()).stream().anyMatch(groups::contains);
                return new AuthorizationDecision(member);
            }
        };
    }

    private AuthenticationEntryPoint unauthenticated(String who) {
        return (HttpServletRequest request, HttpServletResponse response, AuthenticationException failure) -> write(response,
                HttpStatus.UNAUTHORIZED, Map.of("error", "unauthenticated", "message", "Log in first: " + who
                        + " at /login/, or give a Camunda user's name and password with every request (HTTP Basic)"));
    }

    private AccessDeniedHandler forbidden(List<StaffApi> apis) {
        return (request, response, denied) -> {
            if (denied instanceof CsrfException) {
                write(response, HttpStatus.FORBIDDEN, Map.of("error", "csrf", "message", "A change with the web session must"
                        + " send the session's CSRF token (GET " + SESSION + ") in the header " + CSRF_HEADER));
                return;
            }
            String path = request.getRequestURI().substring(request.getContextPath().length());
            String message = apis.stream().filter(api -> api.covers(path)).findFirst()
                    .map(api -> "Only members of the groups " + String.join(", ", api.groups()) + " may use " + api.what())
                    .orElse("Not allowed");
            write(response, HttpStatus.FORBIDDEN, Map.of("error", "forbidden", "message", message));
        };
    }

    private void write(HttpServletResponse response, HttpStatus status, Map<String, ?> body) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        json.writeValue(response.getOutputStream(), body);
    }
}
