package com.complaintengine.query.report;

/**
 * Durations in seconds at the 50th, 90th and 99th percentile, with PostgreSQL's {@code percentile_cont}
 * (linear interpolation between the two nearest ranks), each rounded to the nearest second; null when
 * {@code count} is 0.
 */
public record Percentiles(long count, Long p50, Long p90, Long p99) {

    static final String SQL = "array[0.5, 0.9, 0.99]";

    static Percentiles of(long count, Double[] values) {
        if (count == 0 || values == null) {
            return new Percentiles(0, null, null, null);
        }
        return new Percentiles(count, Math.round(values[0]), Math.round(values[1]), Math.round(values[2]));
    }
}
