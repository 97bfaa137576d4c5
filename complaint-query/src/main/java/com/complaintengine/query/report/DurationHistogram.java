package com.complaintengine.query.report;

import java.util.Map;
import java.util.TreeMap;

/**
 * Durations counted per bucket, as {@code dashboard_duration_bucket} (Flyway V10) assigns them: whole seconds
 * below {@value #EXACT} s, above that {@value #PER_DOUBLING} buckets per doubling, each 2.19 % wide. Percentiles
 * follow PostgreSQL's {@code percentile_cont} (linear interpolation between the two nearest ranks), with the ranks of a
 * bucket spread evenly from its lower bound: an estimate within one bucket's width of the exact figure, i.e. within
 * 1 s below {@value #EXACT} s and within 2.19 % above.
 */
final class DurationHistogram {

    static final int EXACT = 128;
    static final int PER_DOUBLING = 32;

    private final TreeMap<Integer, Long> counts = new TreeMap<>();

    void add(int bucket, long n) {
        counts.merge(bucket, n, Long::sum);
    }

    /** The lower bound in seconds of a bucket; the next bucket's lower bound is its upper bound. */
    static double lowerBound(int bucket) {
        return bucket < EXACT ? bucket : EXACT * Math.pow(2, (bucket - EXACT) / (double) PER_DOUBLING);
    }

    Percentiles percentiles() {
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        if (total <= 0) {
            return new Percentiles(0, null, null, null);
        }
        return new Percentiles(total, Math.round(at(0.5, total)), Math.round(at(0.9, total)),
                Math.round(at(0.99, total)));
    }

    private double at(double fraction, long total) {
        double rank = fraction * (total - 1);
        long lower = (long) Math.floor(rank);
        double below = value(lower);
        return below + (rank - lower) * (value(Math.min(lower + 1, total - 1)) - below);
    }

    /** The estimated value of the duration at 0-based rank {@code rank}. */
    private double value(long rank) {
        long before = 0;
        for (Map.Entry<Integer, Long> bucket : counts.entrySet()) {
            long n = bucket.getValue();
            if (n > 0 && rank < before + n) {
                double low = lowerBound(bucket.getKey());
                double width = lowerBound(bucket.getKey() + 1) - low;
                return low + (double) (rank - before) / n * width;
            }
            before += Math.max(n, 0);
        }
        throw new IllegalStateException("rank " + rank + " beyond " + before + " durations");
    }
}
