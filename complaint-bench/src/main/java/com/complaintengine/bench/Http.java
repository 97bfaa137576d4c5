package com.complaintengine.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** The engine's HTTP API as one user (HTTP Basic) sees it; HTTP/1.1 on loopback. */
final class Http {

    final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    final String url;
    private final String authorization;

    Http(String url, String user) {
        this.url = url;
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(user.getBytes(StandardCharsets.UTF_8));
    }

    HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", authorization).GET().build();
    }

    HttpRequest post(String path, String json) {
        return HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    /** A keep-alive connection of this user's for the intake phases (see {@link KeepAlive}). */
    KeepAlive keepAlive() {
        return new KeepAlive(URI.create(url), authorization);
    }

    HttpResponse<String> send(HttpRequest request) throws Exception {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The body of a GET that must answer 200. */
    String read(String path) throws Exception {
        HttpResponse<String> response = send(get(path));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }
}
