package com.complaintengine.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for the engine's API, as any consumer would call it. */
final class Api {

    static final String OPERATOR = "agent-li";
    /** Reads decimals exactly as written (1299.00 stays 1299.00), as a careful consumer does. */
    static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final int port;

    Api(int port) {
        this.port = port;
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
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    Response post(String path, String body) {
        return post(path, body, Map.of("X-Operator", OPERATOR));
    }

    Response post(String path, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return send(request.build());
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

    private static Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
