package com.complaintengine.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Issue 7 item 6: security headers, stateless API, request limits, and error answers without internals. */
class SecurityHeadersAndErrorsHttpTest {

    private static Engine engine;
    private static Api api;

    @BeforeAll
    static void engine() {
        engine = Engine.shared();
        api = engine.api();
    }

    private static void clean(Api.Response response) {
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.raw().body()).doesNotContain("Exception").doesNotContain("at com.").doesNotContain("at org.")
                                         .doesNotContainIgnoringCase("select ").doesNotContain("trace");
    }

    @Test
    @DisplayName("answers carry nosniff, frame denial, a closing CSP and no referrer; no HSTS over plain http; no session cookie")
    void securityHeaders() {
        for (Api.Response response : new Api.Response[] {api.anonymous().get("/actuator/health"),
                api.get("/api/complaints/" + api.receive()), api.anonymous().get("/api/complaints/C-1")}) {
            assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
            assertThat(response.header("Content-Security-Policy")).contains("default-src 'none'", "frame-ancestors 'none'");
            assertThat(response.header("Referrer-Policy")).isEqualTo("no-referrer");
            assertThat(response.header("Strict-Transport-Security")).as("HSTS only over https").isNull();
            assertThat(response.header("Set-Cookie")).as("stateless: no session").isNull();
        }
    }

    @Test
    @DisplayName("401 without or with wrong credentials, with the Basic challenge; 403 for a role the rule does not name")
    void unauthorizedAndForbidden() {
        Api.Response none = api.anonymous().get("/api/complaints/C-1");
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.header("WWW-Authenticate")).startsWith("Basic realm=\"complaint-engine\"");
        assertThat(none.json().get("code").asString()).isEqualTo("authentication-required");
        clean(none);

        Api.Response wrong = api.withCredentials(Api.AGENT, "not-the-password").get("/api/complaints/C-1");
        assertThat(wrong.status()).isEqualTo(401);
        clean(wrong);
        assertThat(api.withCredentials("nobody", "whatever").get("/api/complaints/C-1").status()).isEqualTo(401);

        Api.Response forbidden = api.as(Api.ANALYST).get("/api/complaints/C-1");
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.json().get("code").asString()).isEqualTo("access-denied");
        clean(forbidden);

        Api.Response unknown = api.get("/api/complaints/C-no-such-one");
        assertThat(unknown.status()).isEqualTo(404);
        clean(unknown);
    }

    @Test
    @DisplayName("a body above 64 KB is a 413 problem and writes nothing, with Content-Length or sent in chunks")
    void oversizedBodyIsRefused() {
        String big = Bodies.complaint().replace("\"facts\": \"", "\"facts\": \"" + "x".repeat(70_000));
        long before = engine.eventCount();

        Api.Response withLength = api.post("/api/complaints", big);
        assertThat(withLength.status()).isEqualTo(413);
        assertThat(withLength.json().get("code").asString()).isEqualTo("request-too-large");
        clean(withLength);

        HttpResponse<String> chunked = chunked("/api/complaints", big);
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(chunked.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(engine.eventCount()).isEqualTo(before);
    }

    @Test
    @DisplayName("a state-changing call that is not JSON (what a cross-site form sends) is a 415 and changes nothing")
    void nonJsonWriteIsRefused() {
        String id = api.receive();
        long before = engine.eventCount();

        Api.Response form = api.send("POST", "/api/complaints/" + id + "/escalations", "level=CRITICAL&reason=x",
                Map.of("Content-Type", "application/x-www-form-urlencoded"));
        Api.Response noType = api.send("POST", "/api/complaints/" + id + "/archive", null, Map.of());
        assertThat(form.status()).isEqualTo(415);
        assertThat(noType.status()).isEqualTo(415);
        assertThat(form.json().get("code").asString()).isEqualTo("json-required");
        clean(form);
        assertThat(engine.eventCount()).isEqualTo(before);
    }

    private static HttpResponse<String> chunked(String path, String body) {
        String basic = "Basic " + Base64.getEncoder().encodeToString((Api.OPERATOR + ":" + Api.password(Api.OPERATOR))
                .getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + api.port() + path))
                .header("Content-Type", "application/json").header("Authorization", basic)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))))
                .build();
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
