package com.complaintengine.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintengine.server.security.AccessRules;
import com.complaintengine.server.security.Role;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * Issue 7: every endpoint the running engine maps (controllers and actuator, read from Spring's handler
 * mappings, so a new endpoint joins by itself) × every role and no credentials, each call made over HTTP and
 * checked against the rule table: allowed means neither 401 nor 403 (a 400/404/409 for the empty body or the
 * unknown id is fine), refused means 401 without credentials and 403 with. An endpoint without a rule fails.
 */
class AccessMatrixHttpTest {

    private static final Map<Role, String> USER_OF = new LinkedHashMap<>();

    static {
        USER_OF.put(Role.AGENT, Api.AGENT);
        USER_OF.put(Role.HANDLER, Api.HANDLER);
        USER_OF.put(Role.SUPERVISOR, Api.SUPERVISOR);
        USER_OF.put(Role.APPROVER, Api.APPROVER);
        USER_OF.put(Role.AUDITOR, Api.AUDITOR);
        USER_OF.put(Role.ANALYST, Api.ANALYST);
        USER_OF.put(Role.ADMIN, Api.ADMIN);
    }

    private static Engine engine;
    private static Api api;

    @BeforeAll
    static void engine() {
        engine = Engine.shared();
        api = engine.api();
    }

    record Endpoint(String method, String pattern) {

        /** A concrete path: ids no case has (so an allowed call changes nothing), one segment for a trailing /**. */
        String samplePath() {
            return pattern.replace("/**", "/liveness").replace("{id}", pattern.startsWith("/api/group") ? "G-matrix" : "C-matrix")
                          .replaceAll("\\{[^}]+}", "sample");
        }

        @Override
        public String toString() {
            return method + " " + pattern;
        }
    }

    /** Every (method, path pattern) of every request mapping: controllers, Spring's error page and the actuator. */
    static List<Endpoint> endpoints() {
        Set<Endpoint> endpoints = new java.util.LinkedHashSet<>();
        for (RequestMappingInfoHandlerMapping mapping : engine.beans(RequestMappingInfoHandlerMapping.class)) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                for (String pattern : info.getPatternValues()) {
                    for (RequestMethod method : methods.isEmpty() ? EnumSet.of(RequestMethod.GET, RequestMethod.POST) : methods) {
                        endpoints.add(new Endpoint(method.name(), pattern));
                    }
                }
            }
        }
        return List.copyOf(endpoints);
    }

    @Test
    @DisplayName("issue 7: every mapped endpoint has a rule in the table")
    void everyEndpointHasARule() {
        List<Endpoint> endpoints = endpoints();
        assertThat(endpoints).as("the endpoints found").extracting(Endpoint::toString)
                             .contains("POST /api/complaints", "GET /api/complaints/{id}/history",
                                     "POST /api/group-complaints/{id}/issues/{issueId}/closure", "GET /actuator/health");
        List<String> missing = endpoints.stream().filter(e -> AccessRules.find(e.method(), e.samplePath()).isEmpty())
                                        .map(e -> e + " has no rule in AccessRules: add one (who may call it?)").toList();
        assertThat(missing).isEmpty();
    }

    @Test
    @DisplayName("issue 7: every endpoint × every role and no credentials is allowed or refused (401/403) as the table says")
    void everyEndpointEveryRole() {
        long eventsBefore = engine.eventCount();
        List<String> wrong = new ArrayList<>();
        int calls = 0;
        for (Endpoint endpoint : endpoints()) {
            AccessRules.Rule rule = AccessRules.find(endpoint.method(), endpoint.samplePath()).orElse(null);
            if (rule == null) {
                wrong.add(endpoint + ": no rule");
                continue;
            }
            Api.Response anonymous = call(api.anonymous(), endpoint);
            calls++;
            if (rule.open() ? isRefusal(anonymous.status()) : anonymous.status() != 401) {
                wrong.add(endpoint + " without credentials: " + anonymous.status() + ", rule " + rule);
            }
            for (Map.Entry<Role, String> user : USER_OF.entrySet()) {
                boolean allowed = rule.allows(Set.of(user.getKey()));
                Api.Response response = call(api.as(user.getValue()), endpoint);
                calls++;
                if (allowed ? isRefusal(response.status()) : response.status() != 403) {
                    wrong.add(endpoint + " as " + user.getKey() + ": " + response.status() + ", rule " + rule);
                }
                if (isRefusal(response.status())) {
                    assertThat(response.contentType()).as(endpoint + " as " + user.getKey()).startsWith("application/problem+json");
                }
            }
        }
        assertThat(wrong).as("calls whose answer contradicts the rule table").isEmpty();
        assertThat(calls).isGreaterThan(200);
        assertThat(engine.eventCount()).as("events written by the matrix (unknown ids, empty bodies)").isEqualTo(eventsBefore);
    }

    @Test
    @DisplayName("issue 7: the table keeps the roles' promises — auditor changes nothing, analyst sees no case, handler only cases")
    void tableKeepsTheRolesPromises() {
        Set<String> auditorWrites = new TreeSet<>();
        Set<String> analystCases = new TreeSet<>();
        Set<String> handlerOutsideCases = new TreeSet<>();
        Set<String> publicEndpoints = new TreeSet<>();
        for (Endpoint endpoint : endpoints()) {
            AccessRules.find(endpoint.method(), endpoint.samplePath()).ifPresent(rule -> {
                if (rule.open()) {
                    publicEndpoints.add(endpoint.toString());
                    return;
                }
                if (rule.allows(Set.of(Role.AUDITOR)) && !endpoint.method().equals("GET")) {
                    auditorWrites.add(endpoint.toString());
                }
                if (rule.allows(Set.of(Role.ANALYST)) && endpoint.pattern().contains("complaints")) {
                    analystCases.add(endpoint.toString());
                }
                if (rule.allows(Set.of(Role.HANDLER)) && !endpoint.pattern().startsWith("/api/complaints/{id}")
                        && !AccessRules.SELF.contains(endpoint.pattern())) {
                    handlerOutsideCases.add(endpoint.toString());
                }
            });
        }
        assertThat(auditorWrites).as("non-GET endpoints open to AUDITOR").isEmpty();
        assertThat(analystCases).isEmpty();
        assertThat(handlerOutsideCases).isEmpty();
        assertThat(publicEndpoints).allMatch(e -> e.contains("/actuator/health") || e.endsWith(" /error"));
    }

    @Test
    @DisplayName("issue 7: a path no rule names is refused to everyone, even a user holding every role")
    void unknownPathIsClosed() {
        assertThat(AccessRules.find("POST", "/api/complaints/C-1/something-new")).isEmpty();
        assertThat(api.post("/api/complaints/C-1/something-new", "{}").status()).isEqualTo(403);
        assertThat(api.get("/api/unknown-things").status()).isEqualTo(403);
        assertThat(api.anonymous().get("/api/complaints/C-1/something-new").status()).isEqualTo(401);
    }

    @Test
    @DisplayName("issue 7: named decisions — the agent cannot approve, the handler cannot escalate, the approver approves")
    void namedDecisions() {
        String id = api.receive();
        String base = "/api/complaints/" + id;
        String approval = "{\"upTo\": {\"value\": \"20000\", \"currency\": \"CNY\"}, \"note\": \"ok\"}";
        assertThat(api.as(Api.AGENT).post(base + "/remedy-approvals", approval).status()).isEqualTo(403);
        assertThat(api.as(Api.HANDLER).post(base + "/escalations", Bodies.escalation()).status()).isEqualTo(403);
        assertThat(api.as(Api.AUDITOR).post(base + "/classification", Bodies.classification()).status()).isEqualTo(403);
        assertThat(api.as(Api.ANALYST).get(base).status()).isEqualTo(403);
        assertThat(api.as(Api.AUDITOR).get(base + "/history").status()).isEqualTo(200);
        assertThat(api.as(Api.APPROVER).post(base + "/remedy-approvals", approval).status()).isEqualTo(204);
    }

    private static boolean isRefusal(int status) {
        return status == 401 || status == 403;
    }

    private static Api.Response call(Api as, Endpoint endpoint) {
        String body = endpoint.method().equals("GET") ? null : "{}";
        return as.send(endpoint.method(), endpoint.samplePath(), body, body == null ? Map.of() : Map.of("Content-Type", "application/json"));
    }
}
