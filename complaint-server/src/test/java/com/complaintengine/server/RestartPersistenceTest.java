package com.complaintengine.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The engine stopped and started again on the same data: nothing is lost, nothing is replayed twice. */
class RestartPersistenceTest {

    @Test
    @DisplayName("a complaint, its history and its projection survive a restart; global_index has no jump")
    void survivesRestart() {
        Path data = Engine.newDataDirectory();
        Engine engine = Engine.start(data);
        try {
            String id = engine.api().receive();
            engine.api().post("/api/complaints/" + id + "/classification", Bodies.classification());
            engine.api().awaitProjected(id);
            long lastIndexBefore = engine.jdbc().queryForObject("select max(global_index) from domain_event_entry", Long.class);

            engine.restart();

            if (!Engine.externalDatabase()) {
                assertThat(Files.exists(data.resolve("PG_VERSION"))).as("embedded data directory reused").isTrue();
            }
            Api.Response history = engine.api().get("/api/complaints/" + id + "/history");
            assertThat(history.status()).isEqualTo(200);
            int stored = history.json().get("events").size();
            assertThat(stored).isEqualTo(7); // received, its two clocks, classified URGENT, both recomputed, callback clock
            Api.Response state = engine.api().get("/api/complaints/" + id);
            assertThat(state.status()).isEqualTo(200);
            assertThat(state.json().get("status").asString()).isEqualTo("CLASSIFIED");

            // The aggregate is rebuilt from the stored events: the next step is checked against them.
            assertThat(engine.api().post("/api/complaints/" + id + "/classification", Bodies.classification()).status())
                    .isEqualTo(409);
            String next = engine.api().receive();
            List<Long> after = engine.jdbc().queryForList(
                    "select global_index from domain_event_entry where aggregate_identifier = ? order by sequence_number",
                    Long.class, next);
            if (!Engine.externalDatabase()) {
                assertThat(after).containsExactly(lastIndexBefore + 1, lastIndexBefore + 2, lastIndexBefore + 3);
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> engine.api().get("/api/complaints/" + next),
                    r -> r.status() == 200);
            // The projection continued from its stored token rather than replaying from the start.
            assertThat(engine.api().get("/api/complaints/" + id).json().get("version").asLong()).isEqualTo(stored - 1);
        } finally {
            engine.closeAndDelete();
        }
    }

    @Test
    @DisplayName("every complaint answered 201 survives a crash of the embedded PostgreSQL (kill -9 of all its processes)")
    void answeredComplaintsSurviveAPostgresCrash() throws Exception {
        Assumptions.assumeFalse(Engine.externalDatabase(), "the durability of an external PostgreSQL is its operator's");
        Path data = Engine.newDataDirectory();
        Engine engine = Engine.start(data);
        try {
            assertThat(engine.jdbc().queryForList("select setting from pg_settings where name in ('fsync', "
                    + "'synchronous_commit') order by name", String.class)).containsExactly("on", "on");
            List<String> answered = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                answered.add(engine.api().receive());
            }
            // Right after the last answer, before PostgreSQL's WAL writer would have written an unflushed commit.
            long postmaster = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
            ProcessHandle server = ProcessHandle.of(postmaster).orElseThrow();
            List<ProcessHandle> processes = new ArrayList<>(server.descendants().toList());
            processes.add(server);
            processes.forEach(ProcessHandle::destroyForcibly);
            for (ProcessHandle process : processes) {
                process.onExit().get(10, TimeUnit.SECONDS);
            }

            engine.restart();

            assertThat(engine.jdbc().queryForObject("select count(distinct aggregate_identifier) from domain_event_entry "
                    + "where aggregate_identifier = any(?)", Long.class, (Object) answered.toArray(String[]::new)))
                    .as("complaints answered 201 before the crash, in the store after it").isEqualTo(answered.size());
        } finally {
            engine.closeAndDelete();
        }
    }

    @Test
    @DisplayName("the embedded PostgreSQL keeps its log in its data directory, what it logs after start-up included")
    void embeddedPostgresKeepsItsLog() {
        Assumptions.assumeFalse(Engine.externalDatabase(), "an external PostgreSQL keeps its log where it is configured");
        Engine engine = Engine.shared();
        String marker = "log-check-" + UUID.randomUUID();
        engine.jdbc().execute("do $$ begin raise log '" + marker + "'; end $$");
        Path log = engine.dataDirectory().resolve("log");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            try (Stream<Path> files = Files.list(log)) {
                assertThat(files.filter(file -> file.getFileName().toString().matches("postgresql-[A-Z][a-z]{2}\\.log"))
                        .anyMatch(file -> contains(file, marker))).as("a file of " + log + " holds the marker").isTrue();
            }
        });
    }

    private static boolean contains(Path file, String text) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
