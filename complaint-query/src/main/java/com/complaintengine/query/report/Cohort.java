package com.complaintengine.query.report;

import java.sql.Timestamp;
import java.time.Instant;
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
            where.append(" and s.primary_department in (")
                 .append(String.join(", ", departments.stream().map(d -> "?").toList())).append(')');
            args.addAll(departments);
        }
        return where.toString();
    }

    static List<Object> args() {
        return new ArrayList<>();
    }
}
