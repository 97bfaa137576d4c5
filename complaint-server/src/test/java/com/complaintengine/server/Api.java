package com.complaintengine.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plain HTTP client for the engine's API, as any consumer would call it. It logs in (HTTP Basic) as one of the
 * test users {@link Engine} configures: by default {@link #OPERATOR}, who holds every role and no department, so
 * any test can take any step; {@link #as(String)} for another user, {@link #anonymous()} for none.
 */
final class Api {

    static final String OPERATOR = "agent-li";
    /** One test user per role; handlers of technology (PRODUCT's primary department) and of logistics. */
    static final String AGENT = "agent-wang";
    static final String HANDLER = "handler-chen";
    static final String OTHER_HANDLER = "handler-zhou";
    static final String SUPERVISOR = "supervisor-zhao";
    static final String APPROVER = "vp-wu";
    static final String AUDITOR = "auditor-sun";
    static final String ANALYST = "analyst-qian";
    static final String ADMIN = "admin-zhou";
    /** name → roles and department, as {@link Engine} configures them; passwords are {@link #password(String)}. */
    static final Map<String, String[]> USERS = new java.util.LinkedHashMap<>();

    static {
        USERS.put(OPERATOR, new String[] {"AGENT,HANDLER,SUPERVISOR,APPROVER,AUDITOR,ANALYST,ADMIN", null});
        USERS.put(AGENT, new String[] {"AGENT", null});
        USERS.put(HANDLER, new String[] {"HANDLER", "technology"});
        USERS.put(OTHER_HANDLER, new String[] {"HANDLER", "logistics"});
        USERS.put(SUPERVISOR, new String[] {"SUPERVISOR", null});
        USERS.put(APPROVER, new String[] {"APPROVER", null});
        USERS.put(AUDITOR, new String[] {"AUDITOR", null});
        USERS.put(ANALYST, new String[] {"ANALYST", null});
        USERS.put(ADMIN, new String[] {"ADMIN", null});
    }

    static String password(String user) {
        return user + "-test-password";
    }

    /** The command-line properties that configure the test users (plain-text hashes: tests only, and fast). */
    static List<String> userProperties() {
        List<String> args = new java.util.ArrayList<>();
        USERS.forEach((name, spec) -> {
            args.add("--complaint.security.users." + name + ".roles=" + spec[0]);
            args.add("--complaint.security.users." + name + ".password-hash={noop}" + password(name));
            if (spec[1] != null) {
                args.add("--complaint.security.users." + name + ".department=" + spec[1]);
            }
        });
        return args;
    }
    /** Reads decimals exactly as written (1299.00 stays 1299.00), as a careful consumer does. */
    static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final int port;
    private final String authorization;

    Api(int port) {
        this(port, basic(OPERATOR, password(OPERATOR)));
    }

    private Api(int port, String authorization) {
        this.port = port;
        this.authorization = authorization;
    }

    /** The same API, logged in as another test user. */
    Api as(String user) {
        return new Api(port, basic(user, password(user)));
    }

    /** The same API with these credentials, right or wrong. */
    Api withCredentials(String user, String password) {
        return new Api(port, basic(user, password));
    }

    /** The same API with this Authorization header (e.g. a bearer token), or none when null. */
    Api withAuthorization(String authorization) {
        return new Api(port, authorization);
    }

    /** The same API without credentials. */
    Api anonymous() {
        return new Api(port, null);
    }

    int port() {
        return port;
    }

    private static String basic(String user, String password) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString(
                (user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    record Response(int status, HttpResponse<String> raw) {

        JsonNode json() {
            return raw.body().isEmpty() ? JSON.missingNode() : JSON.readTree(raw.body());
        }

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        String contentType() {
            return header("Content-Type");
        }
    }

    Response get(String path) {
        return send(authorized(HttpRequest.newBuilder(uri(path)).GET()).build());
    }

    Response post(String path, String body) {
        return post(path, body, Map.of());
    }

    /** Any method, body and headers (e.g. a Content-Type other than JSON); the credentials are added. */
    Response send(String method, String path, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return send(authorized(request).build());
    }

    private HttpRequest.Builder authorized(HttpRequest.Builder request) {
        return authorization == null ? request : request.header("Authorization", authorization);
    }

    Response post(String path, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return send(authorized(request).build());
    }

    /** Records a complaint with every intake element and returns its id. */
    String receive() {
        Response response = post("/api/complaints", Bodies.complaint());
        if (response.status() != 201) {
            throw new AssertionError("intake failed: " + response.status() + " " + response.raw().body());
        }
        return response.json().get("id").asString();
    }

    /** The current state once the projection has caught up with the last event in the case's history. */
    JsonNode awaitProjected(String complaintId) {
        long last = get("/api/complaints/" + complaintId + "/history").json().get("events").size() - 1;
        return org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                .pollInterval(java.time.Duration.ofMillis(50))
                .until(() -> get("/api/complaints/" + complaintId),
                        r -> r.status() == 200 && r.json().get("version").asLong() == last).json();
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** No request of a test waits for an answer longer than this. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private static HttpRequest withTimeout(HttpRequest request) {
        return request.timeout().isPresent() ? request
                : HttpRequest.newBuilder(request, (name, value) -> true).timeout(REQUEST_TIMEOUT).build();
    }

    private static boolean isEventStream(HttpResponse.ResponseInfo info) {
        return info.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream");
    }

    /**
     * A server-sent event stream never ends by itself: these requests only want its status and headers, so the
     * body is cancelled at once (the connection closes) instead of being read until the server gives up.
     */
    private static final class ClosingStream implements HttpResponse.BodySubscriber<String> {
        @Override
        public CompletionStage<String> getBody() {
            return CompletableFuture.completedFuture("");
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscription.cancel();
        }

        @Override
        public void onNext(List<ByteBuffer> item) {
        }

        @Override
        public void onError(Throwable throwable) {
        }

        @Override
        public void onComplete() {
        }
    }

    private static Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = CLIENT.send(withTimeout(request), info -> isEventStream(info)
                    ? new ClosingStream() : HttpResponse.BodyHandlers.ofString().apply(info));
            return new Response(response.statusCode(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
