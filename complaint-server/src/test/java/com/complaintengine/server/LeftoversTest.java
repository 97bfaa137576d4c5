package com.complaintengine.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Leftovers}: what a killed test JVM left running is stopped by the next one, and nothing else. The
 * "PostgreSQL" here is {@code sleep} copied under the name {@code postgres}, so no database is needed.
 */
class LeftoversTest {

    @TempDir
    Path temporary;
    private Process sleeper;
    private String deadOwner;

    @BeforeEach
    void deadOwner() throws Exception {
        // A JVM that is gone: a process that ran and ended, named by its pid and start instant.
        Process ended = new ProcessBuilder("sleep", "5").start();
        deadOwner = "owner " + ended.pid() + " " + ended.toHandle().info().startInstant().orElseThrow() + "\n";
        ended.destroyForcibly().waitFor();
    }

    @AfterEach
    void stopSleeper() {
        if (sleeper != null) {
            sleeper.destroyForcibly();
        }
    }

    @Test
    @DisplayName("the embedded PostgreSQL of a dead owner's data directory is stopped and the directory removed")
    void deadOwnersPostgresIsStopped() throws Exception {
        Path data = Files.createDirectory(temporary.resolve(Leftovers.PREFIX + "a"));
        sleeper = startNamed("postgres");
        Files.writeString(data.resolve("postmaster.pid"), sleeper.pid() + "\n" + data + "\n");
        Files.writeString(Leftovers.ownerFileOf(data), deadOwner);

        assertThat(Leftovers.sweep(temporary)).isEqualTo(1);

        assertThat(sleeper.waitFor(10, TimeUnit.SECONDS)).as("the leftover postgres stopped").isTrue();
        assertThat(data).doesNotExist();
        assertThat(Leftovers.ownerFileOf(data)).doesNotExist();
    }

    @Test
    @DisplayName("a pid in postmaster.pid that is no postgres now (reused) is not stopped; the directory still goes")
    void reusedPidIsLeftAlone() throws Exception {
        Path data = Files.createDirectory(temporary.resolve(Leftovers.PREFIX + "b"));
        sleeper = startNamed("not-postgres");
        Files.writeString(data.resolve("postmaster.pid"), sleeper.pid() + "\n");
        Files.writeString(Leftovers.ownerFileOf(data), deadOwner);

        Leftovers.sweep(temporary);

        assertThat(sleeper.isAlive()).isTrue();
        assertThat(data).doesNotExist();
    }

    @Test
    @DisplayName("a node process of a dead owner is stopped; one of a live owner (this JVM) is left running")
    void onlyDeadOwnersProcessesAreStopped() throws Exception {
        sleeper = startNamed("node");
        Path live = Leftovers.ownProcess(sleeper.toHandle(), temporary);

        assertThat(Leftovers.sweep(temporary)).isZero();
        assertThat(sleeper.isAlive()).isTrue();
        assertThat(live).exists();

        String process = Files.readAllLines(live).get(1);
        Files.writeString(live, deadOwner + process + "\n");

        assertThat(Leftovers.sweep(temporary)).isEqualTo(1);
        assertThat(sleeper.waitFor(10, TimeUnit.SECONDS)).as("the leftover node stopped").isTrue();
        assertThat(live).doesNotExist();
    }

    /** {@code sleep 300} under another command name. */
    private Process startNamed(String name) throws Exception {
        Path bin = Files.createDirectories(temporary.resolve("bin-" + name));
        Path command = Files.copy(Path.of(sleepBinary()), bin.resolve(name), StandardCopyOption.COPY_ATTRIBUTES);
        return new ProcessBuilder(command.toString(), "300").start();
    }

    private static String sleepBinary() {
        return Files.isExecutable(Path.of("/usr/bin/sleep")) ? "/usr/bin/sleep" : "/bin/sleep";
    }
}
