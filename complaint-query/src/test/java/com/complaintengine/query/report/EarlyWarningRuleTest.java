package com.complaintengine.query.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class EarlyWarningRuleTest {

    private static final List<String> MONTHS = List.of("2026-06", "2026-07", "2026-08", "2026-09", "2026-10");
    private final EarlyWarningRule rule = new EarlyWarningRule(new ReportProperties.Warning(3, 1.5, 10));

    @Test
    @DisplayName("a count at 1.5 times the mean of the three periods before, and at least 10, is flagged with its numbers")
    void flagsARiseAboveTheBaseline() {
        List<TrendReport.Warning> warnings = rule.evaluate("subtype", MONTHS, 3,
                Map.of("PRODUCT/FUNCTION", new long[] {10, 12, 8, 15, 14}));
        assertThat(warnings).singleElement().satisfies(w -> {
            assertThat(w.period()).isEqualTo("2026-09");
            assertThat(w.key()).isEqualTo("PRODUCT/FUNCTION");
            assertThat(w.count()).isEqualTo(15);
            assertThat(w.baseline()).isEqualTo(10.0);
            assertThat(w.ratio()).isEqualTo(1.5);
            assertThat(w.explanation()).contains("15 complaints in 2026-09", "baseline of 10.00", "1.50×");
        });
    }

    @Test
    @DisplayName("just below the factor, or below the minimum count, is not flagged")
    void belowTheFactorOrTheMinimumIsQuiet() {
        assertThat(rule.evaluate("type", MONTHS, 3, Map.of("A", new long[] {10, 10, 10, 14, 10}))).isEmpty();
        assertThat(rule.evaluate("type", MONTHS, 3, Map.of("B", new long[] {1, 2, 1, 9, 9}))).isEmpty();
    }

    @Test
    @DisplayName("a problem that appears from nothing at volume is flagged, without a ratio")
    void aNewProblemAtVolume() {
        List<TrendReport.Warning> warnings = rule.evaluate("type", MONTHS, 3, Map.of("NEW", new long[] {0, 0, 0, 0, 12}));
        assertThat(warnings).singleElement().satisfies(w -> {
            assertThat(w.period()).isEqualTo("2026-10");
            assertThat(w.ratio()).isNull();
            assertThat(w.explanation()).contains("none before");
        });
    }

    @Test
    @DisplayName("periods before the first reported one serve only as baseline")
    void baselinePeriodsAreNotReported() {
        assertThat(rule.evaluate("type", MONTHS, 3, Map.of("A", new long[] {0, 30, 0, 0, 0}))).isEmpty();
    }
}
