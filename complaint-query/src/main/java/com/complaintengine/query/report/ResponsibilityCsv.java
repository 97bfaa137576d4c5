package com.complaintengine.query.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The responsibility report as CSV (RFC 4180, UTF-8 with a byte-order mark so spreadsheet programs read Chinese
 * names): one row per department, then one per handler, with a {@code level} column. Cells that a spreadsheet
 * would run as a formula are prefixed with an apostrophe.
 */
public final class ResponsibilityCsv {

    static final List<String> CLOCKS = List.of("FIRST_RESPONSE", "RESOLUTION", "PROGRESS_UPDATE",
            "SUPERVISOR_CALLBACK", "INITIAL_PLAN");

    private ResponsibilityCsv() {
    }

    public static String render(ResponsibilityReport report) {
        StringBuilder csv = new StringBuilder("\uFEFF");
        List<String> header = new ArrayList<>(List.of("level", "name", "department", "received", "resolved",
                "overdue"));
        CLOCKS.forEach(clock -> header.add("breaches_" + clock.toLowerCase(java.util.Locale.ROOT)));
        header.addAll(List.of("average_handling_seconds", "p90_handling_seconds", "reopen_rate", "escalations",
                "average_satisfaction", "satisfaction_response_rate"));
        row(csv, header);
        report.departments().forEach(line -> row(csv, cells("department", line)));
        report.handlers().forEach(line -> row(csv, cells("handler", line)));
        return csv.toString();
    }

    private static List<String> cells(String level, ResponsibilityReport.Line line) {
        List<String> cells = new ArrayList<>(List.of(level, line.name(), text(line.department()),
                String.valueOf(line.received()), String.valueOf(line.resolved()), String.valueOf(line.overdue())));
        Map<String, Long> breaches = line.breachesByClock();
        CLOCKS.forEach(clock -> cells.add(String.valueOf(breaches.getOrDefault(clock, 0L))));
        cells.addAll(List.of(text(line.averageHandlingSeconds()), text(line.p90HandlingSeconds()),
                text(line.reopenRate()), String.valueOf(line.escalations()), text(line.averageSatisfaction()),
                text(line.satisfactionResponseRate())));
        return cells;
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private static void row(StringBuilder csv, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(cell(cells.get(i)));
        }
        csv.append("\r\n");
    }

    static String cell(String value) {
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 && !isNumber(value)
                ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }

    private static boolean isNumber(String value) {
        try {
            Double.parseDouble(value);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
