package com.complaintengine.server.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Issue 8: what the web console needs to know about the logged-in user — name, roles, department, the CSRF
 * token its state-changing calls must carry (the console works on a browser session), and which pages and
 * actions {@link AccessRules} allows them, so the console's navigation and forms follow THE table instead of a
 * copy of it.
 */
@RestController
class ConsoleController {

    /** Each page or action of the console and the API call it stands on ({@code x}: any complaint). */
    static final Map<String, String> CALLS = calls(
            "dashboard", "GET /api/dashboard/sla",
            "responsibility", "GET /api/reports/responsibility",
            "trends", "GET /api/reports/trends",
            "cases", "GET /api/complaints",
            "case", "GET /api/complaints/x",
            "history", "GET /api/complaints/x/history",
            "verification", "GET /api/complaints/x/verification",
            "intake", "POST /api/complaints",
            "suggest", "POST /api/classification/suggestions",
            "maskingPreview", "POST /api/privacy/masking-preview",
            "classify", "POST /api/complaints/x/classification",
            "acknowledge", "POST /api/complaints/x/acknowledgement",
            "communicate", "POST /api/complaints/x/communications",
            "assign", "POST /api/complaints/x/assignment",
            "extend", "POST /api/complaints/x/extensions",
            "escalate", "POST /api/complaints/x/escalations",
            "resolve", "POST /api/complaints/x/resolution",
            "confirm", "POST /api/complaints/x/confirmation",
            "archive", "POST /api/complaints/x/archive");

    private final String departmentClaim;

    ConsoleController(EngineSecurityProperties properties) {
        this.departmentClaim = properties.jwt().departmentClaim();
    }

    record Csrf(String headerName, String token) {
    }

    record Me(String name, List<String> roles, String department, Csrf csrf, Map<String, Boolean> may) {
    }

    @GetMapping("/console/me")
    Me me(Authentication authentication, HttpServletRequest request) {
        EngineUser user = EngineUser.of(authentication, departmentClaim);
        Map<String, Boolean> may = new LinkedHashMap<>();
        CALLS.forEach((name, call) -> {
            String[] parts = call.split(" ", 2);
            may.put(name, AccessRules.find(parts[0], parts[1]).map(rule -> rule.allows(user.roles())).orElse(false));
        });
        CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        return new Me(user.name(), user.roles().stream().map(Enum::name).toList(), user.department(),
                token == null ? null : new Csrf(token.getHeaderName(), token.getToken()), may);
    }

    private static Map<String, String> calls(String... pairs) {
        Map<String, String> calls = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            calls.put(pairs[i], pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(calls);
    }
}
