package com.complaintengine.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 8 over plain HTTP: the console's login makes a browser session whose changes need its CSRF token, while
 * API calls (HTTP Basic) stay sessionless; {@code /console/me} follows the rule table; the masking preview shows
 * what the privacy guard will do and writes nothing.
 */
class ConsoleSessionHttpTest {

    private static Engine engine;
    private static Api api;

    @BeforeAll
    static void engine() {
        engine = Engine.shared();
        api = engine.api();
    }

    /** Logs in on the console's form and returns the session cookie ("NAME=value"). */
    private static String login(String user, String password) {
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        Api.Response answer = api.anonymous().send("POST", "/console/login", form,
                Map.of("Content-Type", "application/x-www-form-urlencoded"));
        assertThat(answer.status()).isEqualTo(302);
        String cookie = answer.header("Set-Cookie");
        return answer.header("Location").endsWith("/console/") && cookie != null ? cookie.split(";", 2)[0] : null;
    }

    @Test
    @DisplayName("issue 8: API calls with HTTP Basic never create a session; the console's 401 has no browser login challenge")
    void apiStaysSessionless() {
        Api.Response basic = api.as(Api.AGENT).get("/api/complaints?limit=1");
        assertThat(basic.status()).isEqualTo(200);
        assertThat(basic.header("Set-Cookie")).isNull();
        assertThat(basic.header("Content-Security-Policy")).isEqualTo("default-src 'none'; frame-ancestors 'none'");

        Api.Response plain = api.anonymous().get("/api/complaints?limit=1");
        assertThat(plain.status()).isEqualTo(401);
        assertThat(plain.header("WWW-Authenticate")).startsWith("Basic");
        Api.Response console = api.anonymous().send("GET", "/console/me", null, Map.of("X-Requested-With", "console"));
        assertThat(console.status()).isEqualTo(401);
        assertThat(console.contentType()).startsWith("application/problem+json");
        assertThat(console.header("WWW-Authenticate")).isNull();

        Api.Response page = api.anonymous().get("/console/index.html");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Security-Policy")).contains("script-src 'self'").doesNotContain("unsafe");
        assertThat(api.anonymous().get("/").header("Location")).endsWith("/console/");
    }

    @Test
    @DisplayName("issue 8: a console session's change without the CSRF token is a 403 problem and writes nothing; with it, it is done")
    void sessionChangesNeedTheCsrfToken() {
        assertThat(login(Api.AGENT, "wrong")).as("a wrong password makes no session").isNull();
        String session = login(Api.AGENT, Api.password(Api.AGENT));
        assertThat(session).startsWith("COMPLAINT_SESSION=");
        Api browser = api.withAuthorization(null);
        Map<String, String> cookie = Map.of("Cookie", session);

        JsonNode me = browser.send("GET", "/console/me", null, cookie).json();
        assertThat(me.get("name").asString()).isEqualTo(Api.AGENT);
        assertThat(me.get("roles").toString()).isEqualTo("[\"AGENT\"]");
        assertThat(me.get("may").get("intake").asBoolean()).isTrue();
        assertThat(me.get("may").get("escalate").asBoolean()).isFalse();
        assertThat(me.get("may").get("responsibility").asBoolean()).isFalse();
        String header = me.get("csrf").get("headerName").asString();
        String token = me.get("csrf").get("token").asString();

        long before = engine.eventCount();
        Api.Response refused = browser.post("/api/complaints", Bodies.complaint(), cookie);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("code").asString()).isEqualTo("csrf-token-invalid");
        assertThat(browser.post("/api/complaints", Bodies.complaint(), Map.of("Cookie", session, header, "forged")).status())
                .isEqualTo(403);
        assertThat(engine.eventCount()).isEqualTo(before);

        Api.Response done = browser.post("/api/complaints", Bodies.complaint(), Map.of("Cookie", session, header, token));
        assertThat(done.status()).isEqualTo(201);
        String id = done.json().get("id").asString();
        assertThat(api.get("/api/complaints/" + id + "/history").json().get("events").get(0).get("operator").asString())
                .as("the operator is the session's user").isEqualTo(Api.AGENT);

        // After logout the session is gone: the same cookie is no login.
        assertThat(browser.send("POST", "/console/logout", "_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8),
                Map.of("Cookie", session, "Content-Type", "application/x-www-form-urlencoded", "Accept", "text/html")).status())
                .isEqualTo(302);
        assertThat(browser.send("GET", "/console/me", null, cookie).status()).isEqualTo(401);
    }

    @Test
    @DisplayName("issue 8: every role's /console/me lists exactly the pages and actions the rule table allows it")
    void meFollowsTheTable() {
        for (String user : new String[] {Api.HANDLER, Api.SUPERVISOR, Api.AUDITOR, Api.ANALYST}) {
            JsonNode may = api.as(user).get("/console/me").json().get("may");
            assertThat(may.get("escalate").asBoolean()).as(user).isEqualTo(user.equals(Api.SUPERVISOR));
            assertThat(may.get("verification").asBoolean()).as(user).isEqualTo(user.equals(Api.AUDITOR));
            assertThat(may.get("cases").asBoolean()).as(user).isEqualTo(user.equals(Api.SUPERVISOR) || user.equals(Api.AUDITOR));
            assertThat(may.get("trends").asBoolean()).as(user).isEqualTo(!user.equals(Api.HANDLER));
        }
        assertThat(api.as(Api.HANDLER).get("/console/me").json().get("department").asString()).isEqualTo("technology");
    }

    @Test
    @DisplayName("issue 8: the masking preview shows each text as the privacy guard will store it, and writes nothing")
    void maskingPreview() {
        long before = engine.eventCount();
        Api.Response answer = api.as(Api.AGENT).post("/api/privacy/masking-preview", """
                {"texts": {"facts": "ID 11010519491231002X, card 6222 0212 3456 7890 128", "emotion": "calm"}}""");
        assertThat(answer.status()).isEqualTo(200);
        JsonNode texts = answer.json().get("texts");
        assertThat(answer.json().get("mode").asString()).isEqualTo("MASK");
        assertThat(texts.get("facts").get("masked").asString()).contains("[ID ****002X]").doesNotContain("11010519491231002X");
        assertThat(texts.get("facts").get("found").toString()).contains("national-id");
        assertThat(texts.get("emotion").get("masked").asString()).isEqualTo("calm");
        assertThat(texts.get("emotion").get("found").size()).isZero();

        Api.Response bad = api.as(Api.AGENT).post("/api/privacy/masking-preview", "{\"texts\": null}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").toString()).contains("texts");
        assertThat(api.as(Api.AUDITOR).post("/api/privacy/masking-preview", "{\"texts\": {}}").status()).isEqualTo(403);
        assertThat(engine.eventCount()).isEqualTo(before);
    }
}
