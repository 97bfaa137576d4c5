package com.complaintengine.query.report;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Complaint volumes per month or quarter (004 §5), the top problems of each period, and early warnings. */
public record TrendReport(Granularity granularity, Instant from, Instant to, List<String> departments,
                          List<Period> periods, List<Warning> warnings, String warningRule) {

    public enum Granularity { MONTH, QUARTER }

    /** One period: its label ({@code 2026-11}, {@code 2026-Q4}), start, and counts by each dimension. */
    public record Period(String period, Instant start, long total, Map<String, Long> byType,
                         Map<String, Long> bySubtype, Map<String, Long> byChannel, Map<String, Long> byDepartment,
                         List<Problem> topProblems) {
    }

    /** A high-frequency problem: a type/subtype and its count in the period. */
    public record Problem(String type, String subtype, long count) {
    }

    /** A type or subtype that rose well above its baseline; {@code ratio} is null when the baseline is 0. */
    public record Warning(String period, String dimension, String key, long count, double baseline, Double ratio,
                          String explanation) {
    }
}
