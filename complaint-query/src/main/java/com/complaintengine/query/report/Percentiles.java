package com.complaintengine.query.report;

/**
 * Durations in seconds at the 50th, 90th and 99th percentile of {@code count} durations, each rounded to the
 * nearest second; null when {@code count} is 0. The dashboard estimates them from histograms
 * ({@link DurationHistogram}: PostgreSQL's {@code percentile_cont} within one bucket's width).
 */
public record Percentiles(long count, Long p50, Long p90, Long p99) {
}
