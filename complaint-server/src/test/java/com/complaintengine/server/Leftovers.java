package com.complaintengine.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.springframework.util.FileSystemUtils;

/**
 * What a test JVM killed by {@code kill -9} or a CI time-out leaves running: the embedded PostgreSQL servers of its
 * data directories and the engine processes it started ({@link NodeProcess}) — no shutdown hook runs then, and each
 * such PostgreSQL holds its shared memory and files until the machine stops. Each data directory and process is
 * recorded in an owner file beside it in the temporary directory, naming the JVM that made it by pid and start
 * instant (a pid alone can be reused). The first data directory or node of the next test JVM {@link #sweep}s: what
 * an owner that is gone left behind is stopped, its directory and owner file removed. Nothing of a live owner is
 * touched, so test runs side by side leave each other alone.
 */
final class Leftovers {

    static final String PREFIX = "complaint-engine-test-";
    private static final String SUFFIX = ".owner";
    private static boolean swept;

    private Leftovers() {
    }

    /** Records this JVM as the owner of a data directory (its embedded PostgreSQL, once started). */
    static void ownDirectory(Path dataDirectory) {
        write(ownerFileOf(dataDirectory), "owner " + identity(ProcessHandle.current()) + "\n");
    }

    /** Records this JVM as the owner of a process it started; the owner file's path, to {@link #release} it. */
    static Path ownProcess(ProcessHandle process, Path directory) {
        Path file = directory.resolve(PREFIX + "process-" + process.pid() + SUFFIX);
        write(file, "owner " + identity(ProcessHandle.current()) + "\nprocess " + identity(process) + "\n");
        return file;
    }

    static Path ownerFileOf(Path dataDirectory) {
        return dataDirectory.resolveSibling(dataDirectory.getFileName() + SUFFIX);
    }

    /** Forgets an owner file (its directory was removed, its process has ended). */
    static void release(Path ownerFile) {
        try {
            Files.deleteIfExists(ownerFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sweeps the temporary directory once per JVM. */
    static synchronized void sweepOnce(Path directory) {
        if (!swept) {
            swept = true;
            sweep(directory);
        }
    }

    /** Stops and removes what owners that are gone left in {@code directory}; the number of owner files handled. */
    static int sweep(Path directory) {
        int handled = 0;
        try (DirectoryStream<Path> owners = Files.newDirectoryStream(directory, PREFIX + "*" + SUFFIX)) {
            for (Path owner : owners) {
                List<String> lines = Files.readAllLines(owner);
                if (lines.isEmpty() || alive(lines.get(0).substring("owner ".length()))) {
                    continue;
                }
                if (lines.size() > 1 && lines.get(1).startsWith("process ")) {
                    live(lines.get(1).substring("process ".length())).ifPresent(Leftovers::stop);
                } else {
                    Path data = owner.resolveSibling(owner.getFileName().toString().replace(SUFFIX, ""));
                    postmaster(data).ifPresent(Leftovers::stop);
                    FileSystemUtils.deleteRecursively(data);
                }
                release(owner);
                handled++;
                System.err.println("Leftovers: removed what " + owner.getFileName() + " recorded (its test JVM is gone)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return handled;
    }

    /** "pid start-instant" of a process; the start instant is empty where the system does not tell it. */
    private static String identity(ProcessHandle process) {
        return process.pid() + " " + process.info().startInstant().map(Object::toString).orElse("");
    }

    private static boolean alive(String identity) {
        return live(identity).isPresent();
    }

    /** The process of that identity if it still runs: the same pid and, where known, the same start instant. */
    private static Optional<ProcessHandle> live(String identity) {
        String[] parts = identity.trim().split(" ");
        Optional<ProcessHandle> process = ProcessHandle.of(Long.parseLong(parts[0])).filter(ProcessHandle::isAlive);
        if (parts.length < 2 || parts[1].isEmpty()) {
            return process;
        }
        return process.filter(p -> p.info().startInstant().map(s -> s.toString().equals(parts[1])).orElse(true));
    }

    /** The running PostgreSQL of a data directory: the pid its postmaster.pid names, if that is a postgres process. */
    private static Optional<ProcessHandle> postmaster(Path data) throws IOException {
        Path pidFile = data.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty() || !lines.get(0).trim().matches("[0-9]+")) {
            return Optional.empty();
        }
        return ProcessHandle.of(Long.parseLong(lines.get(0).trim())).filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> Path.of(c).getFileName().toString().equals("postgres"))
                        .orElse(false));
    }

    /** SIGTERM (PostgreSQL: a smart shutdown, which ends at once with no client left), then SIGKILL after 15 s. */
    private static void stop(ProcessHandle process) {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        try {
            process.onExit().get(15, TimeUnit.SECONDS);
        } catch (Exception e) {
            process.destroyForcibly();
            children.forEach(ProcessHandle::destroyForcibly);
        }
    }

    private static void write(Path file, String content) {
        try {
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
