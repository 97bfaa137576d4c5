package com.complaintengine.server.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The answers the security layer gives before any controller runs, in the same RFC 9457 shape as every other
 * error answer: 401 (no or bad credentials, with the challenge of the login in use), 403, 413 and 415.
 */
final class ProblemAnswers {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProblemAnswers() {
    }

    static AuthenticationEntryPoint unauthorized(String challenge) {
        return (request, response, exception) -> {
            if (challenge != null) {
                response.setHeader("WWW-Authenticate", challenge);
            }
            write(request, response, 401, "Unauthorized", "authentication-required",
                    "authentication is required, and the credentials given (if any) are not valid");
        };
    }

    static AccessDeniedHandler forbidden() {
        return (request, response, exception) -> {
            if (exception instanceof CsrfException) {
                // Only requests of a browser session (the web console) need the token: API clients send none.
                write(request, response, 403, "Forbidden", "csrf-token-invalid",
                        "a change made on a browser session must carry the session's CSRF token (header X-CSRF-TOKEN)");
            } else {
                write(request, response, 403, "Forbidden", "access-denied",
                        "the roles of the authenticated user do not allow this request");
            }
        };
    }

    static void write(HttpServletRequest request, HttpServletResponse response, int status, String title, String code,
                      String detail) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        problem.put("instance", request.getRequestURI());
        problem.put("code", code);
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(JSON.writeValueAsString(problem));
    }
}
