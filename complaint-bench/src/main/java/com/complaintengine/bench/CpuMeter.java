package com.complaintengine.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * CPU time spent by the server, by PostgreSQL and by the bench itself, and by the whole machine, read from /proc
 * (Linux) at two instants: what a phase cost per unit of work, and so how far the two cores could carry it.
 *
 * <p>PostgreSQL is its postmaster and every process it started: the postmaster's own time plus the time of its
 * children that ended (reaped into its {@code cutime}/{@code cstime}) plus the time of those still running, so
 * autovacuum workers that came and went inside the window count too. The postmaster is found as the parent of this
 * meter's own backend.
 */
final class CpuMeter {

    /** Clock ticks per second of /proc's times; 100 on every Linux this bench runs on ({@code getconf CLK_TCK}). */
    private static final double TICKS_PER_SECOND = 100;

    /** CPU seconds at one instant; -1 where not known. */
    record Reading(double server, double postgres, double bench, double machine) {
    }

    private final String serverPid;
    private final long postmaster;

    private CpuMeter(String serverPid, long postmaster) {
        this.serverPid = serverPid;
        this.postmaster = postmaster;
    }

    /** A meter for the server's pid (may be null) and the PostgreSQL behind {@code jdbc} (may be null). */
    static CpuMeter of(String serverPid, String jdbc) {
        long postmaster = -1;
        if (jdbc != null && Files.isDirectory(Path.of("/proc/self"))) {
            try (Connection connection = DriverManager.getConnection(jdbc);
                 Statement s = connection.createStatement();
                 ResultSet rs = s.executeQuery("select pg_backend_pid()")) {
                rs.next();
                String[] stat = stat(Path.of("/proc", Long.toString(rs.getLong(1)), "stat"));
                postmaster = stat == null ? -1 : Long.parseLong(stat[1]);
            } catch (Exception e) {
                // not on this machine, or not readable: PostgreSQL's share stays unknown
            }
        }
        return new CpuMeter(serverPid, postmaster);
    }

    Reading read() {
        return new Reading(serverPid == null ? -1 : own(Path.of("/proc", serverPid, "stat")), postgres(),
                own(Path.of("/proc/self/stat")), machine());
    }

    /** "server 0.81 ms, PostgreSQL 0.72 ms, bench 0.20 ms, machine 1.98 ms (of 2.00 ms on 2 cores)" per unit. */
    static String perUnit(Reading before, Reading after, double units, double seconds) {
        StringBuilder s = new StringBuilder();
        append(s, "server", before.server(), after.server(), units);
        append(s, "PostgreSQL", before.postgres(), after.postgres(), units);
        append(s, "bench", before.bench(), after.bench(), units);
        append(s, "machine", before.machine(), after.machine(), units);
        int cores = Runtime.getRuntime().availableProcessors();
        s.append(String.format(" (of %.3f ms on %d cores)", seconds * cores * 1000 / units, cores));
        return s.toString();
    }

    private static void append(StringBuilder s, String name, double before, double after, double units) {
        if (before < 0 || after < 0 || units <= 0) {
            return;
        }
        s.append(s.isEmpty() ? "" : ", ").append(String.format("%s %.3f ms", name, (after - before) * 1000 / units));
    }

    private double postgres() {
        if (postmaster < 0) {
            return -1;
        }
        String[] own = stat(Path.of("/proc", Long.toString(postmaster), "stat"));
        if (own == null) {
            return -1;
        }
        long ticks = ticks(own, 11) + ticks(own, 12) + ticks(own, 13) + ticks(own, 14);
        String parent = Long.toString(postmaster);
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path process : processes) {
                String[] child = stat(process.resolve("stat"));
                if (child != null && parent.equals(child[1])) {
                    ticks += ticks(child, 11) + ticks(child, 12);
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return ticks / TICKS_PER_SECOND;
    }

    private static double own(Path stat) {
        String[] fields = stat(stat);
        return fields == null ? -1 : (ticks(fields, 11) + ticks(fields, 12)) / TICKS_PER_SECOND;
    }

    /** Busy time of all cores: user, nice, system, irq, softirq and steal of /proc/stat's first line. */
    private static double machine() {
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i : new int[] {1, 2, 3, 6, 7, 8}) {
                busy += Long.parseLong(cpu[i]);
            }
            return busy / TICKS_PER_SECOND;
        } catch (Exception e) {
            return -1;
        }
    }

    /**
     * The fields of /proc/PID/stat after the command name (which may hold spaces): index 0 is the state, 1 the parent's
     * pid, 11 and 12 the user and system time, 13 and 14 those of the reaped children; null when the process is gone.
     */
    private static String[] stat(Path file) {
        try {
            String line = Files.readString(file);
            return line.substring(line.lastIndexOf(')') + 2).trim().split(" ");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static long ticks(String[] fields, int index) {
        return Long.parseLong(fields[index]);
    }
}
