package com.complaintengine.query;

import java.util.concurrent.ThreadFactory;

/** Threads of the engine's own background work: named for thread dumps and profiles, never keeping the JVM alive. */
public final class DaemonThreads {

    private DaemonThreads() {
    }

    /** A factory of daemon threads all called {@code name}. */
    public static ThreadFactory named(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
