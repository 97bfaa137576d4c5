package com.complaintengine.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/** Latencies in nanoseconds and their quantiles in milliseconds. */
final class Stats {

    private final List<Long> sorted;

    Stats(Collection<Long> nanos) {
        sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
    }

    int count() {
        return sorted.size();
    }

    /** The smallest sample at or above the quantile (nearest rank); NaN without samples. */
    double ms(double quantile) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.min(sorted.size() - 1, Math.ceil(quantile * sorted.size()) - 1);
        return sorted.get(Math.max(0, index)) / 1_000_000.0;
    }

    String p50p99() {
        return String.format("p50 %.1f ms, p99 %.1f ms (n=%d)", ms(0.50), ms(0.99), count());
    }

    String p50p90p99max() {
        return String.format("p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms (n=%d)", ms(0.50), ms(0.90), ms(0.99),
                ms(1.0), count());
    }

    String p50p99p999() {
        return String.format("p50 %.1f ms, p99 %.1f ms, p99.9 %.1f ms (n=%d)", ms(0.50), ms(0.99), ms(0.999), count());
    }
}
