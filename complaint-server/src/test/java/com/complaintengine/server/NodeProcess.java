package com.complaintengine.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A complaint engine in a process of its own (the test's class path, {@code java} of the running JDK), for
 * tests that need a second node or a {@code kill -9}. Its output goes to {@code target/nodes/<name>.log}.
 */
final class NodeProcess implements AutoCloseable {

    private final String name;
    private final int port;
    private final List<String> args;
    private final Path log;
    private Process process;
    /** The owner file recording this JVM as the process's owner ({@link Leftovers}), while it runs. */
    private Path owner;

    private NodeProcess(String name, int port, List<String> args) {
        this.name = name;
        this.port = port;
        this.args = args;
        this.log = Path.of("target", "nodes", name + ".log");
    }

    /** Starts a node on the database at {@code jdbcUrl} (user postgres) and waits until it answers its health check. */
    static NodeProcess start(String name, String jdbcUrl, String... extraArgs) {
        List<String> args = new ArrayList<>(List.of("--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=postgres",
                "--logging.level.org.axonframework.eventhandling.pooled=warn",
                // The same key as every Engine of the tests: nodes of one database must share it.
                "--complaint.privacy.master-key=" + Engine.TEST_MASTER_KEY));
        args.addAll(Api.userProperties());
        args.addAll(List.of(extraArgs));
        NodeProcess node = new NodeProcess(name, freePort(), args);
        node.launch();
        return node;
    }

    private void launch() {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m",
                "-Daxoniq.update-checker.disabled=true", "-cp", System.getProperty("java.class.path"),
                ComplaintEngineApplication.class.getName(), "--server.port=" + port));
        command.addAll(args);
        try {
            Files.createDirectories(log.getParent());
            Path temporary = Path.of(System.getProperty("java.io.tmpdir"));
            Leftovers.sweepOnce(temporary);
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            owner = Leftovers.ownProcess(process.toHandle(), temporary);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitHealthy(Duration.ofSeconds(120));
    }

    private void awaitHealthy(Duration limit) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("node " + name + " exited with " + process.exitValue() + ", see " + log);
            }
            try {
                if (client.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(Duration.ofMillis(500));
        }
        throw new IllegalStateException("node " + name + " not healthy within " + limit + ", see " + log);
    }

    Api api() {
        return new Api(port);
    }

    /** {@code kill -9}: no shutdown hook, no flush, no goodbye. */
    void kill() {
        process.destroyForcibly();
        waitFor();
        forget();
    }

    /** Starts the node again with the same port and arguments. */
    void restart() {
        launch();
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    kill();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                kill();
            }
        }
        forget();
    }

    /** Drops the owner file once the process has ended. */
    private void forget() {
        if (owner != null && !process.isAlive()) {
            Leftovers.release(owner);
            owner = null;
        }
    }

    private void waitFor() {
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
