package com.complaintengine.query.report;

import com.complaintengine.query.report.TrendReport.Granularity;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Counts complaints per period and dimension in one query, and builds the {@link TrendReport} from them. */
@Repository
public class TrendQueries {

    private final JdbcTemplate jdbc;
    private final ReportProperties properties;

    public TrendQueries(JdbcTemplate jdbc, ReportProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** The start of the period of {@code granularity} holding {@code instant}, in the report zone. */
    public LocalDate periodStart(Granularity granularity, Instant instant) {
        LocalDate date = instant.atZone(properties.zone()).toLocalDate().withDayOfMonth(1);
        return granularity == Granularity.MONTH ? date : date.withMonth((date.getMonthValue() - 1) / 3 * 3 + 1);
    }

    static LocalDate next(Granularity granularity, LocalDate start, int periods) {
        return start.plusMonths((long) periods * (granularity == Granularity.MONTH ? 1 : 3));
    }

    static String label(Granularity granularity, LocalDate start) {
        return granularity == Granularity.MONTH ? "%d-%02d".formatted(start.getYear(), start.getMonthValue())
                : "%d-Q%d".formatted(start.getYear(), (start.getMonthValue() - 1) / 3 + 1);
    }

    /** Periods from the one holding {@code from} up to (not including) the one starting at or after {@code to}. */
    public TrendReport trends(Granularity granularity, Instant from, Instant to, List<String> departments) {
        ZoneId zone = properties.zone();
        int baselinePeriods = properties.warning().baselinePeriods();
        LocalDate first = periodStart(granularity, from);
        LocalDate end = periodStart(granularity, to);
        if (end.atStartOfDay(zone).toInstant().isBefore(to)) {
            end = next(granularity, end, 1);
        }
        LocalDate queryStart = next(granularity, first, -baselinePeriods);
        List<LocalDate> starts = new ArrayList<>();
        for (LocalDate p = queryStart; p.isBefore(end); p = next(granularity, p, 1)) {
            starts.add(p);
        }
        Map<LocalDate, Integer> index = new HashMap<>();
        for (int i = 0; i < starts.size(); i++) {
            index.put(starts.get(i), i);
        }
        Cohort cohort = new Cohort(queryStart.atStartOfDay(zone).toInstant(), end.atStartOfDay(zone).toInstant(),
                departments);
        List<Object> args = Cohort.args();
        args.add(zone.getId());
        String where = cohort.where(args);
        int size = starts.size();
        List<Map<String, Map<String, Long>>> dims = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            dims.add(Map.of("type", new TreeMap<>(), "subtype", new TreeMap<>(), "channel", new TreeMap<>(),
                    "department", new TreeMap<>()));
        }
        Map<String, long[]> typeCounts = new TreeMap<>();
        Map<String, long[]> subtypeCounts = new TreeMap<>();
        long[] totals = new long[size];
        jdbc.query("""
                select (date_trunc('%s', s.received_at at time zone ?))::date, coalesce(s.type, 'UNCLASSIFIED'),
                       s.subtype, s.channel, coalesce(s.primary_department, 'unrouted'), count(*)
                  from complaint_summary s where %s group by 1, 2, 3, 4, 5""".formatted(
                        granularity == Granularity.MONTH ? "month" : "quarter", where),
                rs -> {
                    int i = index.get(rs.getDate(1).toLocalDate());
                    String type = rs.getString(2);
                    String subtype = rs.getString(3) == null ? type : type + "/" + rs.getString(3);
                    long count = rs.getLong(6);
                    totals[i] += count;
                    dims.get(i).get("type").merge(type, count, Long::sum);
                    dims.get(i).get("subtype").merge(subtype, count, Long::sum);
                    dims.get(i).get("channel").merge(rs.getString(4), count, Long::sum);
                    dims.get(i).get("department").merge(rs.getString(5), count, Long::sum);
                    typeCounts.computeIfAbsent(type, k -> new long[size])[i] += count;
                    subtypeCounts.computeIfAbsent(subtype, k -> new long[size])[i] += count;
                }, args.toArray());
        List<String> labels = starts.stream().map(s -> label(granularity, s)).toList();
        List<TrendReport.Period> periods = new ArrayList<>();
        for (int i = baselinePeriods; i < size; i++) {
            Map<String, Map<String, Long>> d = dims.get(i);
            periods.add(new TrendReport.Period(labels.get(i), starts.get(i).atStartOfDay(zone).toInstant(), totals[i],
                    d.get("type"), d.get("subtype"), d.get("channel"), d.get("department"), top(d.get("subtype"))));
        }
        EarlyWarningRule rule = new EarlyWarningRule(properties.warning());
        List<TrendReport.Warning> warnings = new ArrayList<>(rule.evaluate("type", labels, baselinePeriods, typeCounts));
        warnings.addAll(rule.evaluate("subtype", labels, baselinePeriods, subtypeCounts));
        ReportProperties.Warning w = properties.warning();
        return new TrendReport(granularity, periods.isEmpty() ? cohort.to() : periods.get(0).start(), cohort.to(),
                List.copyOf(departments), periods, warnings,
                ("a type or subtype is flagged in a period when it has at least %d complaints and at least %.2f times "
                        + "its baseline, the mean of the %d periods before").formatted(w.minimumCount(), w.factor(),
                        w.baselinePeriods()));
    }

    private List<TrendReport.Problem> top(Map<String, Long> bySubtype) {
        return bySubtype.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(properties.topProblems())
                .map(e -> {
                    String[] parts = e.getKey().split("/", 2);
                    return new TrendReport.Problem(parts[0], parts.length > 1 ? parts[1] : null, e.getValue());
                }).toList();
    }
}
