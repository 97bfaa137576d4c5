package com.complaintengine.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * A real complaint engine for tests: the application as it runs in production, on a real PostgreSQL.
 * By default the embedded one with its data in a directory of the test's choosing (so a test can stop
 * the engine and start it again on the same data); with {@code COMPLAINT_TEST_DB_URL} set, the
 * PostgreSQL server at that URL (user and password from {@code COMPLAINT_TEST_DB_USER} / {@code _PASSWORD}).
 */
final class Engine implements AutoCloseable {

    private static Engine shared;
    /** The privacy master key of every test engine (issue 7): 32 fixed bytes, tests only. */
    static final String TEST_MASTER_KEY = "dGVzdC1vbmx5LW1hc3Rlci1rZXktMzItYnl0ZXMhISE=";

    private final Path dataDirectory;
    private final List<String> extraArgs;
    private ConfigurableApplicationContext context;

    private Engine(Path dataDirectory, List<String> extraArgs) {
        this.dataDirectory = dataDirectory;
        this.extraArgs = extraArgs;
    }

    /** One engine shared by the test classes of this JVM, started on first use. */
    static synchronized Engine shared() {
        if (shared == null) {
            shared = start(newDataDirectory());
            Runtime.getRuntime().addShutdownHook(new Thread(shared::closeAndDelete));
        }
        return shared;
    }

    /** An engine of its own; {@code extraArgs} are command-line properties such as second-scale SLA limits. */
    static Engine start(Path dataDirectory, String... extraArgs) {
        Engine engine = new Engine(dataDirectory, List.of(extraArgs));
        engine.run();
        return engine;
    }

    /**
     * A new directory for an embedded PostgreSQL, owned by this JVM; the first call stops and removes what killed
     * test JVMs left behind ({@link Leftovers}).
     */
    static Path newDataDirectory() {
        try {
            Path directory = Files.createTempDirectory(Leftovers.PREFIX);
            Leftovers.sweepOnce(directory.getParent());
            Leftovers.ownDirectory(directory);
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean externalDatabase() {
        String url = System.getenv("COMPLAINT_TEST_DB_URL");
        return url != null && !url.isBlank();
    }

    private void run() {
        ComplaintEngineApplication.disableUpdateChecker();
        List<String> args = new ArrayList<>(List.of("--server.port=0",
                "--complaint.embedded-postgres.data-directory=" + dataDirectory,
                "--logging.level.org.axonframework.eventhandling.pooled=warn",
                "--complaint.privacy.master-key=" + TEST_MASTER_KEY));
        args.addAll(Api.userProperties());
        args.addAll(extraArgs);
        if (externalDatabase()) {
            args.add("--spring.datasource.url=" + System.getenv("COMPLAINT_TEST_DB_URL"));
            args.add("--spring.datasource.username=" + System.getenv().getOrDefault("COMPLAINT_TEST_DB_USER", "postgres"));
            args.add("--spring.datasource.password=" + System.getenv().getOrDefault("COMPLAINT_TEST_DB_PASSWORD", ""));
        }
        context = new SpringApplicationBuilder(ComplaintEngineApplication.class).run(args.toArray(String[]::new));
    }

    /** Stops the engine (and its embedded PostgreSQL) and starts it again on the same data. */
    void restart() {
        close();
        run();
    }

    Api api() {
        return new Api(((WebServerApplicationContext) context).getWebServer().getPort());
    }

    Path dataDirectory() {
        return dataDirectory;
    }

    JdbcTemplate jdbc() {
        return new JdbcTemplate(context.getBean(DataSource.class));
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    <T> T bean(String name, Class<T> type) {
        return context.getBean(name, type);
    }

    <T> java.util.Collection<T> beans(Class<T> type) {
        return context.getBeansOfType(type).values();
    }

    long eventCount() {
        return jdbc().queryForObject("select count(*) from domain_event_entry", Long.class);
    }

    @Override
    public synchronized void close() {
        if (context != null && context.isActive()) {
            context.close();
        }
    }

    /** Stops the engine for good and removes its embedded database's files. */
    void closeAndDelete() {
        close();
        try {
            FileSystemUtils.deleteRecursively(dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Leftovers.release(Leftovers.ownerFileOf(dataDirectory));
    }
}
