package com.complaintengine.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Samples the server every second for the whole run: used heap from the actuator (admin) and resident memory from
 * /proc (when its pid is known); keeps the peaks. The heap figure is a sample, so a shorter peak between two samples
 * is missed; VmHWM (the kernel's own peak RSS) is exact.
 */
final class ServerSampler implements AutoCloseable {

    private static final Pattern VALUE = Pattern.compile("\"value\":([0-9.Ee+-]+)");

    private final Http admin;
    private final String pid;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long peakHeap = -1;
    private volatile long peakCommitted = -1;

    ServerSampler(Http admin, String pid) {
        this.admin = admin;
        this.pid = pid;
        this.thread = new Thread(this::run, "server-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        while (running) {
            try {
                peakHeap = Math.max(peakHeap, metric("jvm.memory.used"));
                peakCommitted = Math.max(peakCommitted, metric("jvm.memory.committed"));
            } catch (Exception e) {
                // a missed sample; the next one counts
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private long metric(String name) throws Exception {
        if (admin == null) {
            return -1;
        }
        Matcher m = VALUE.matcher(admin.read("/actuator/metrics/" + name + "?tag=area:heap"));
        return m.find() ? (long) Double.parseDouble(m.group(1)) : -1;
    }

    long peakHeapBytes() {
        return peakHeap;
    }

    long peakHeapCommittedBytes() {
        return peakCommitted;
    }

    /** A line of /proc/PID/status (VmHWM, VmRSS) in kB, or -1. */
    long procKb(String field) {
        if (pid == null) {
            return -1;
        }
        try {
            for (String line : Files.readAllLines(Path.of("/proc", pid, "status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (Exception e) {
            return -1;
        }
        return -1;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
