package com.complaintengine.server.security;

import static com.complaintengine.server.security.Role.ADMIN;
import static com.complaintengine.server.security.Role.AGENT;
import static com.complaintengine.server.security.Role.ANALYST;
import static com.complaintengine.server.security.Role.APPROVER;
import static com.complaintengine.server.security.Role.AUDITOR;
import static com.complaintengine.server.security.Role.HANDLER;
import static com.complaintengine.server.security.Role.SUPERVISOR;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.RequestPath;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Who may call what: THE table of the engine's endpoints and the roles allowed on each (issue 7). A request no
 * rule matches is refused (401 without credentials, 403 with), so a new endpoint is closed until it gets a rule,
 * and the endpoint-by-role test fails until then. A rule that lets a HANDLER in must be about one complaint
 * ({@code /api/complaints/{id}...}): handlers act only on complaints routed to their department; the one exception
 * is {@link #SELF}, what the logged-in user may read about themselves.
 */
public final class AccessRules implements AuthorizationManager<RequestAuthorizationContext> {

    private static final Set<Role> CASE_READERS = EnumSet.of(AGENT, HANDLER, SUPERVISOR, APPROVER, AUDITOR);
    private static final String CASE = "/api/complaints/{id}";
    /** Endpoints about the logged-in user themselves, open to every role. */
    public static final Set<String> SELF = Set.of("/console/me");

    /** First match wins. {@code null} method: any method. */
    private static final List<Rule> RULES = List.of(
            // Reads of one complaint: everyone who works cases, and the auditor.
            rule("GET", CASE, CASE_READERS),
            rule("GET", CASE + "/history", CASE_READERS),
            // Issue 7, tamper evidence: recomputing a hash chain is an audit, not case work.
            rule("GET", CASE + "/verification", AUDITOR, ADMIN),
            rule("GET", "/api/group-complaints/{id}/verification", AUDITOR, ADMIN),
            // The case list shows many cases at once: not for handlers, who are limited to their department's cases.
            rule("GET", "/api/complaints", AGENT, SUPERVISOR, APPROVER, AUDITOR),
            // Intake and classification.
            rule("POST", "/api/complaints", AGENT),
            rule("POST", "/api/classification/suggestions", AGENT, SUPERVISOR),
            // Issue 8: the intake form shows the privacy guard's masking before submission (writes nothing).
            rule("POST", "/api/privacy/masking-preview", AGENT, SUPERVISOR),
            rule("POST", CASE + "/classification", AGENT, SUPERVISOR),
            rule("POST", CASE + "/reclassification", AGENT, SUPERVISOR),
            rule("POST", CASE + "/acknowledgement", AGENT, SUPERVISOR),
            rule("POST", CASE + "/communications", AGENT, HANDLER, SUPERVISOR),
            // Handling by the department; the supervisor steps in on any case.
            rule("POST", CASE + "/evidence", HANDLER, SUPERVISOR),
            rule("POST", CASE + "/initial-plan", HANDLER, SUPERVISOR),
            rule("POST", CASE + "/resolution-clock/pause", HANDLER, SUPERVISOR),
            rule("POST", CASE + "/resolution-clock/resume", HANDLER, SUPERVISOR),
            rule("POST", CASE + "/remedy-options", HANDLER, SUPERVISOR),
            rule("POST", CASE + "/remedy-choice", AGENT, HANDLER, SUPERVISOR),
            rule("POST", CASE + "/resolution", HANDLER, SUPERVISOR),
            rule("POST", CASE + "/confirmation", AGENT, HANDLER, SUPERVISOR),
            // Supervision and decision authority.
            rule("POST", CASE + "/assignment", SUPERVISOR),
            rule("POST", CASE + "/extensions", SUPERVISOR),
            rule("POST", CASE + "/escalations", SUPERVISOR),
            rule("POST", CASE + "/task-force", SUPERVISOR),
            rule("POST", CASE + "/remedy-approvals", APPROVER),
            rule("POST", CASE + "/archive", AGENT, SUPERVISOR),
            // The case library (004 §5): supervisors choose typical cases; those who talk to customers read them.
            rule("POST", CASE + "/typical-case", SUPERVISOR),
            rule("GET", "/api/case-library", AGENT, SUPERVISOR, APPROVER, AUDITOR),
            // Group complaints (002) have no department routing: agents and supervisors.
            rule("POST", "/api/group-complaints", AGENT, SUPERVISOR),
            rule("POST", "/api/group-complaints/{id}/read-back", AGENT, SUPERVISOR),
            rule("POST", "/api/group-complaints/{id}/verification-samples", AGENT, SUPERVISOR),
            rule("POST", "/api/group-complaints/{id}/issues", AGENT, SUPERVISOR),
            rule("POST", "/api/group-complaints/{id}/issues/{issueId}/closure", AGENT, SUPERVISOR),
            rule("POST", "/api/group-complaints/{id}/task-force", SUPERVISOR),
            rule("POST", "/api/group-complaints/{id}/closure", SUPERVISOR),
            rule("GET", "/api/group-complaints/{id}/history", AGENT, SUPERVISOR, APPROVER, AUDITOR),
            // SLA policy: a what-if computes and writes nothing; publishing a policy to running cases is operations.
            rule("POST", "/api/sla/what-if", SUPERVISOR, ANALYST),
            rule("POST", "/api/sla/policy/apply-to-running-cases", ADMIN),
            // Issue 6: the event feed for other services holds every event of every case, read-only (docs/consumers.md).
            rule("GET", "/api/events", AUDITOR, ADMIN),
            rule("GET", "/api/events/stream", AUDITOR, ADMIN),
            // Areas other branches fill: dashboards and reports (read-only), administration.
            // Agents answer within the first-response limit: the SLA dashboard (counts, no personal data) is theirs too.
            rule("GET", "/api/dashboard/**", AGENT, SUPERVISOR, AUDITOR, ANALYST),
            rule("GET", "/api/reports/**", SUPERVISOR, AUDITOR, ANALYST),
            // Administration, including erasures of personal data (POST /api/admin/erasures, issue 7).
            rule(null, "/api/admin/**", ADMIN),
            // Issue 8, the web console: its pages and scripts hold no data and are public (the data comes from the
            // API, by these rules); who is logged in, with their CSRF token, is for every logged-in user.
            self("GET", "/console/me"),
            open("GET", "/"),
            open("GET", "/console"),
            open("GET", "/console/**"),
            // Load balancers probe health without credentials; everything else of the actuator is operations.
            open("GET", "/actuator/health"),
            open("GET", "/actuator/health/**"),
            rule("GET", "/actuator", ADMIN),
            rule("GET", "/actuator/**", ADMIN),
            // Spring's error page renders the problem answer of a request that already passed these rules.
            open(null, "/error"));

    /** The request attribute holding the {@link ActingAs} decided for the request. */
    static final String ACTING_AS = AccessRules.class.getName() + ".actingAs";
    /** Optional: the role, among the user's own that allow the step, the step is performed in. */
    public static final String ROLE_HEADER = "X-Operator-Role";

    private final String departmentClaim;

    AccessRules(String departmentClaim) {
        this.departmentClaim = departmentClaim;
    }

    static {
        for (Rule rule : RULES) {
            if (rule.roles().contains(HANDLER) && !rule.pattern().startsWith(CASE) && !SELF.contains(rule.pattern())) {
                throw new IllegalStateException("a rule letting HANDLER in must be about one complaint: " + rule);
            }
        }
    }

    /**
     * One line of the table. {@code open}: no credentials needed. {@code caseScoped}: its {@code {id}} is a
     * complaint, so handlers are limited to their department on it.
     */
    public record Rule(String method, String pattern, boolean open, Set<Role> roles, PathPattern parsed) {

        public boolean allows(Set<Role> held) {
            return open || !Collections.disjoint(roles, held);
        }

        boolean caseScoped() {
            return pattern.startsWith(CASE);
        }

        @Override
        public String toString() {
            return (method == null ? "*" : method) + " " + pattern + " -> " + (open ? "public" : roles);
        }
    }

    /** The role a request is performed in, and the department a handler is limited to (null: not limited). */
    record ActingAs(Role role, String departmentScope, String complaintId) {
    }

    public static List<Rule> rules() {
        return RULES;
    }

    /** The rule for a request, or empty when the table has none (the request is then refused). */
    public static Optional<Rule> find(String method, String path) {
        String effective = "HEAD".equals(method) ? "GET" : method;
        PathContainer container = PathContainer.parsePath(path);
        return RULES.stream().filter(r -> (r.method() == null || r.method().equals(effective)) && r.parsed().matches(container))
                    .findFirst();
    }

    @Override
    public AuthorizationResult authorize(Supplier<? extends Authentication> authentication, RequestAuthorizationContext context) {
        HttpServletRequest request = context.getRequest();
        // An error page renders a request already decided; an async dispatch (a server-sent event stream going on)
        // continues a request this table allowed when it began.
        if (request.getDispatcherType() == DispatcherType.ERROR || request.getDispatcherType() == DispatcherType.ASYNC) {
            return new AuthorizationDecision(true);
        }
        String path = RequestPath.parse(request.getRequestURI(), request.getContextPath()).pathWithinApplication().value();
        Optional<Rule> found = find(request.getMethod(), path);
        if (found.isEmpty()) {
            return new AuthorizationDecision(false);
        }
        Rule rule = found.get();
        if (rule.open()) {
            return new AuthorizationDecision(true);
        }
        Authentication user = authentication.get();
        if (user == null || !user.isAuthenticated() || user instanceof AnonymousAuthenticationToken) {
            return new AuthorizationDecision(false);
        }
        EngineUser engineUser = EngineUser.of(user, departmentClaim);
        Set<Role> granting = EnumSet.noneOf(Role.class);
        granting.addAll(engineUser.roles());
        granting.retainAll(rule.roles());
        if (granting.isEmpty()) {
            return new AuthorizationDecision(false);
        }
        Role acting = granting.iterator().next();
        String chosen = request.getHeader(ROLE_HEADER);
        if (chosen != null) {
            Optional<Role> role = Role.parse(chosen);
            if (role.isEmpty() || !granting.contains(role.get())) {
                return new AuthorizationDecision(false);
            }
            acting = role.get();
        }
        // A handler is limited to their department unless another of their roles allows the step on any case.
        boolean scoped = granting.equals(EnumSet.of(HANDLER));
        String complaintId = rule.caseScoped()
                ? rule.parsed().matchAndExtract(PathContainer.parsePath(path)).getUriVariables().get("id") : null;
        request.setAttribute(ACTING_AS, new ActingAs(acting,
                scoped ? (engineUser.department() == null ? "" : engineUser.department()) : null, complaintId));
        return new AuthorizationDecision(true);
    }

    private static Rule rule(String method, String pattern, Role... roles) {
        return new Rule(method, pattern, false, Set.copyOf(EnumSet.copyOf(List.of(roles))),
                PathPatternParser.defaultInstance.parse(pattern));
    }

    private static Rule rule(String method, String pattern, Set<Role> roles) {
        return new Rule(method, pattern, false, Set.copyOf(roles), PathPatternParser.defaultInstance.parse(pattern));
    }

    private static Rule self(String method, String pattern) {
        return rule(method, pattern, EnumSet.allOf(Role.class));
    }

    private static Rule open(String method, String pattern) {
        return new Rule(method, pattern, true, Set.of(), PathPatternParser.defaultInstance.parse(pattern));
    }
}
