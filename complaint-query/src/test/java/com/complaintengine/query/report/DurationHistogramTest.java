package com.complaintengine.query.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DurationHistogramTest {

    /** The bucket of V10's dashboard_duration_bucket, written again here to check the inverse against it. */
    private static int bucket(double seconds) {
        return seconds < 128 ? (int) Math.max(Math.floor(seconds), 0)
                : 128 + (int) Math.floor(32 * Math.log(seconds / 128) / Math.log(2));
    }

    private static double percentileCont(List<Double> values, double fraction) {
        List<Double> sorted = values.stream().sorted().toList();
        double rank = fraction * (sorted.size() - 1);
        int lower = (int) Math.floor(rank);
        int upper = (int) Math.ceil(rank);
        return sorted.get(lower) + (rank - lower) * (sorted.get(upper) - sorted.get(lower));
    }

    private static Percentiles of(List<Double> values) {
        DurationHistogram histogram = new DurationHistogram();
        values.forEach(v -> histogram.add(bucket(v), 1));
        return histogram.percentiles();
    }

    @Test
    void wholeSecondsBelow128AreExact() {
        List<Double> values = List.of(3.0, 7.0, 7.0, 42.0, 60.0, 61.0, 90.0, 127.0);
        Percentiles p = of(values);
        assertThat(p.count()).isEqualTo(8);
        assertThat(p.p50()).isEqualTo(Math.round(percentileCont(values, 0.5)));
        assertThat(p.p90()).isEqualTo(Math.round(percentileCont(values, 0.9)));
        assertThat(p.p99()).isEqualTo(Math.round(percentileCont(values, 0.99)));
    }

    @Test
    void longerDurationsAreWithinOneBucket() {
        Random random = new Random(9);
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            values.add(Math.floor(Math.exp(random.nextDouble() * Math.log(2_000_000))));
        }
        Percentiles p = of(values);
        for (double fraction : new double[] {0.5, 0.9, 0.99}) {
            double exact = percentileCont(values, fraction);
            long shown = fraction == 0.5 ? p.p50() : fraction == 0.9 ? p.p90() : p.p99();
            assertThat((double) shown).as("p" + fraction).isCloseTo(exact, within(Math.max(1, exact * 0.0219) + 1));
        }
    }

    @Test
    void bucketBoundsInvertTheBucketFunction() {
        for (int b = 0; b < 700; b++) {
            double low = DurationHistogram.lowerBound(b);
            double high = DurationHistogram.lowerBound(b + 1);
            assertThat(bucket(low + (high - low) / 2)).as("bucket " + b).isEqualTo(b);
            assertThat(high - low).isLessThanOrEqualTo(Math.max(1, low * 0.0219));
        }
    }

    @Test
    void nothingCountedHasNoPercentiles() {
        assertThat(new DurationHistogram().percentiles()).isEqualTo(new Percentiles(0, null, null, null));
    }
}
