package com.complaintengine.query.report;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The complaints a figure is computed over: those received in [{@code from}, {@code to}) (either end open when
 * null) and, when {@code departments} is not empty, routed to one of them as primary department.
 */
public record Cohort(Instant from, Instant to, List<String> departments) {

    public Cohort {
        departments = departments == null ? List.of() : List.copyOf(departments);
    }

    /** The SQL condition on {@code complaint_summary} (alias {@code s}) and its arguments, appended to {@code args}. */
    String where(List<Object> args) {
        StringBuilder where = new StringBuilder("true");
        if (from != null) {
            where.append(" and s.received_at >= ?");
            args.add(Timestamp.from(from));
        }
        if (to != null) {
            where.append(" and s.received_at < ?");
            args.add(Timestamp.from(to));
        }
        if (!departments.isEmpty()) {
            where.append(" and s.primary_department in (").append(placeholders()).append(')');
            args.addAll(departments);
        }
        return where.toString();
    }

    /** The periods of the dashboard's counters: UTC days ({@code dashboard_cube}), UTC months (its histograms). */
    enum Grain {
        DAY, MONTH;

        LocalDate start(LocalDate day) {
            return this == DAY ? day : day.withDayOfMonth(1);
        }

        LocalDate next(LocalDate start) {
            return this == DAY ? start.plusDays(1) : start.plusMonths(1);
        }
    }

    /**
     * The cohort split for counters kept per {@code grain} (alias {@code c}, period column {@code column},
     * department column {@code department}): the condition on the counters' whole periods and the condition on
     * the summary rows (alias {@code s}) of the partial periods at either end, each with its arguments appended
     * to its list. The edge condition is {@code false} when the cohort starts and ends on period boundaries.
     */
    Split split(Grain grain, String column, List<Object> periodArgs, List<Object> edgeArgs) {
        LocalDate first = null;
        if (from != null) {
            first = grain.start(LocalDate.ofInstant(from, ZoneOffset.UTC));
            if (!startOf(first).equals(from)) {
                first = grain.next(first);
            }
        }
        LocalDate end = to == null ? null : grain.start(LocalDate.ofInstant(to, ZoneOffset.UTC));
        if (first != null && end != null && !first.isBefore(end)) {
            // No whole period inside: every complaint of the cohort is read from its row.
            return new Split("false", where(edgeArgs));
        }
        StringBuilder periods = new StringBuilder("true");
        if (first != null) {
            periods.append(" and c.").append(column).append(" >= ?");
            periodArgs.add(Date.valueOf(first));
        }
        if (end != null) {
            periods.append(" and c.").append(column).append(" < ?");
            periodArgs.add(Date.valueOf(end));
        }
        if (!departments.isEmpty()) {
            periods.append(" and c.department in (").append(placeholders()).append(')');
            periodArgs.addAll(departments);
        }
        List<String> ranges = new ArrayList<>();
        if (from != null && !startOf(first).equals(from)) {
            ranges.add("(s.received_at >= ? and s.received_at < ?)");
            edgeArgs.add(Timestamp.from(from));
            edgeArgs.add(Timestamp.from(startOf(first)));
        }
        if (to != null && !startOf(end).equals(to)) {
            ranges.add("(s.received_at >= ? and s.received_at < ?)");
            edgeArgs.add(Timestamp.from(startOf(end)));
            edgeArgs.add(Timestamp.from(to));
        }
        if (ranges.isEmpty()) {
            return new Split(periods.toString(), "false");
        }
        StringBuilder edges = new StringBuilder("(").append(String.join(" or ", ranges)).append(')');
        if (!departments.isEmpty()) {
            edges.append(" and s.primary_department in (").append(placeholders()).append(')');
            edgeArgs.addAll(departments);
        }
        return new Split(periods.toString(), edges.toString());
    }

    /** The SQL conditions of {@link #split}: on the counters' whole periods and on the edge periods' rows. */
    record Split(String periods, String edges) {
    }

    private String placeholders() {
        return String.join(", ", departments.stream().map(d -> "?").toList());
    }

    private static Instant startOf(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    static List<Object> args() {
        return new ArrayList<>();
    }
}
