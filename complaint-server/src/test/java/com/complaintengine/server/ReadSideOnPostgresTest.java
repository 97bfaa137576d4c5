package com.complaintengine.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintengine.server.GeneratedHistory.Case;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * The read side against a generated history on real PostgreSQL: every figure of the dashboard, the
 * responsibility report and the trends is checked against the same figure computed here from the generated
 * facts; the case list pages by keyset while complaints arrive; {@code asOf} matches the case at several
 * instants; and after a rebuild from the event store every answer is identical.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReadSideOnPostgresTest {

    private static final int COMPLAINTS = 2000;
    private static Engine engine;
    private static Api api;
    private static GeneratedHistory history;

    @BeforeAll
    static void loadHistory() {
        engine = Engine.start(Engine.newDataDirectory());
        api = engine.api();
        history = new GeneratedHistory(20261123L, COMPLAINTS);
        history.appendTo(engine.bean(EventStore.class));
        awaitProjected();
    }

    @AfterAll
    static void stop() {
        engine.closeAndDelete();
    }

    private static void awaitProjected() {
        history.awaitProjected(engine.jdbc(), Duration.ofMinutes(4));
    }

    // ---------------------------------------------------------------- dashboard

    @Test
    @Order(1)
    @DisplayName("the SLA dashboard's figures equal those computed from the generated facts")
    void dashboardOverEverything() {
        checkDashboard(api.get("/api/dashboard/sla").json(), c -> true);
    }

    @Test
    @Order(2)
    @DisplayName("the dashboard's period and department filters select the same complaints as the facts do")
    void dashboardFiltered() {
        Instant from = LocalDate.of(2026, 3, 1).atStartOfDay(GeneratedHistory.ZONE).toInstant();
        Instant to = LocalDate.of(2026, 8, 1).atStartOfDay(GeneratedHistory.ZONE).toInstant();
        JsonNode dashboard = api.get("/api/dashboard/sla?from=2026-03-01&to=2026-08-01&department=technology,billing")
                .json();
        checkDashboard(dashboard, c -> !c.receivedAt.isBefore(from) && c.receivedAt.isBefore(to)
                && Set.of("technology", "billing").contains(c.department));
    }

    @Test
    @Order(2)
    @DisplayName("counters plus unfolded deltas equal the counts recomputed from every summary row; folding moves "
            + "every delta and changes no figure")
    void countersEqualTheRows() {
        String before = api.get("/api/dashboard/sla").raw().body();
        assertThat(countersAndDeltas()).isEqualTo(recomputedFromRows()).isNotEmpty();
        // A row written and taken away again: its deltas cancel out.
        engine.jdbc().update("insert into complaint_summary (complaint_id, version, status, received_at, updated_at, "
                + "document, primary_department, first_response_at) select 'TMP-1', version, status, received_at, "
                + "updated_at, document, primary_department, first_response_at from complaint_summary "
                + "where complaint_id = 'GEN-00007'");
        engine.jdbc().update("delete from complaint_summary where complaint_id = 'TMP-1'");
        long moved = engine.bean(com.complaintengine.query.report.DashboardCounters.class).fold();
        assertThat(moved).isGreaterThanOrEqualTo(0);
        assertThat(engine.jdbc().queryForObject("select (select count(*) from dashboard_cube_delta) "
                + "+ (select count(*) from dashboard_histogram_delta)", Long.class)).isZero();
        assertThat(countersAndDeltas()).isEqualTo(recomputedFromRows());
        assertThat(api.get("/api/dashboard/sla").raw().body()).isEqualTo(before);
    }

    private static Map<String, Long> countersAndDeltas() {
        return DashboardCounterCheck.kept(engine.jdbc());
    }

    private static Map<String, Long> recomputedFromRows() {
        return DashboardCounterCheck.recomputed(engine.jdbc());
    }

    @Test
    @Order(2)
    @DisplayName("the dashboard's counters agree with the rows for periods on UTC day and month boundaries, "
            + "open-ended ones and periods inside one day")
    void dashboardPeriodsAgainstCounterBoundaries() {
        record Period(Instant from, Instant to, String query) {
        }
        Instant monthStart = Instant.parse("2026-04-01T00:00:00Z");
        Instant dayStart = Instant.parse("2026-06-17T00:00:00Z");
        Instant midDay = Instant.parse("2026-06-17T09:30:00Z");
        Instant busiest = history.cases.stream().collect(Collectors.groupingBy(c -> c.receivedAt.truncatedTo(
                java.time.temporal.ChronoUnit.DAYS), Collectors.counting())).entrySet().stream()
                .max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        List<Period> periods = List.of(
                new Period(monthStart, Instant.parse("2026-09-01T00:00:00Z"), "from=2026-04-01T00:00:00Z&to=2026-09-01T00:00:00Z"),
                new Period(dayStart, null, "from=2026-06-17T00:00:00Z"),
                new Period(null, midDay, "to=2026-06-17T09:30:00Z"),
                new Period(busiest.plusSeconds(3600), busiest.plusSeconds(20 * 3600),
                        "from=" + busiest.plusSeconds(3600) + "&to=" + busiest.plusSeconds(20 * 3600)));
        for (Period period : periods) {
            JsonNode dashboard = api.get("/api/dashboard/sla?" + period.query()).json();
            List<Case> cases = history.cases.stream().filter(c -> (period.from() == null
                    || !c.receivedAt.isBefore(period.from())) && (period.to() == null
                    || c.receivedAt.isBefore(period.to()))).toList();
            assertThat(dashboard.get("open").get("total").asLong()).as(period.query())
                    .isEqualTo(cases.stream().filter(Case::open).count());
            assertThat(counts(dashboard.get("open").get("byDepartment"))).as(period.query())
                    .isEqualTo(count(cases.stream().filter(Case::open).toList(), c -> c.department));
            assertThat(dashboard.get("extensions").asLong()).as(period.query())
                    .isEqualTo(cases.stream().mapToLong(c -> c.extensions).sum());
            checkPercentiles(dashboard.get("resolutionSeconds"), cases.stream().filter(c -> c.resolvedNow)
                    .map(c -> (double) Duration.between(c.receivedAt, c.resolvedAt).toSeconds()).toList());
        }
    }

    private static void checkDashboard(JsonNode dashboard, Predicate<Case> cohort) {
        List<Case> cases = history.cases.stream().filter(cohort).toList();
        List<Case> open = cases.stream().filter(Case::open).toList();
        assertThat(open).isNotEmpty();
        assertThat(dashboard.get("open").get("total").asLong()).isEqualTo(open.size());
        assertThat(counts(dashboard.get("open").get("byStatus"))).isEqualTo(count(open, Case::status));
        assertThat(counts(dashboard.get("open").get("byUrgency"))).isEqualTo(count(open, c -> c.urgency.name()));
        assertThat(counts(dashboard.get("open").get("byDepartment"))).isEqualTo(count(open, c -> c.department));
        assertThat(dashboard.get("atRiskNow").asLong())
                .isEqualTo(open.stream().filter(c -> "AT_RISK".equals(c.slaStateNow())).count()).isPositive();
        assertThat(dashboard.get("breachedNow").asLong())
                .isEqualTo(open.stream().filter(c -> "BREACHED".equals(c.slaStateNow())).count()).isPositive();

        JsonNode firstResponse = dashboard.get("onTime").get("FIRST_RESPONSE");
        long frOnTime = cases.stream().filter(c -> c.acknowledged && c.firstResponseBreaches == 0).count();
        long frBreached = cases.stream().filter(c -> c.firstResponseBreaches > 0).count();
        assertThat(firstResponse.get("metOnTime").asLong()).isEqualTo(frOnTime);
        assertThat(firstResponse.get("breached").asLong()).isEqualTo(frBreached).isPositive();
        assertThat(firstResponse.get("rate").asDouble())
                .isEqualTo(Math.round(frOnTime * 10000.0 / (frOnTime + frBreached)) / 10000.0);
        JsonNode resolution = dashboard.get("onTime").get("RESOLUTION");
        assertThat(resolution.get("metOnTime").asLong())
                .isEqualTo(cases.stream().filter(c -> c.resolvedNow && c.resolutionBreaches == 0).count());
        assertThat(resolution.get("breached").asLong())
                .isEqualTo(cases.stream().filter(c -> c.resolutionBreaches > 0).count()).isPositive();

        checkPercentiles(dashboard.get("firstResponseSeconds"), cases.stream().filter(c -> c.firstResponseAt != null)
                .map(c -> (double) Duration.between(c.receivedAt, c.firstResponseAt).toSeconds()).toList());
        checkPercentiles(dashboard.get("resolutionSeconds"), cases.stream().filter(c -> c.resolvedNow)
                .map(c -> (double) Duration.between(c.receivedAt, c.resolvedAt).toSeconds()).toList());
        assertThat(dashboard.get("extensions").asLong()).isEqualTo(cases.stream().mapToLong(c -> c.extensions).sum())
                .isPositive();
        assertThat(dashboard.get("escalations").asLong()).isEqualTo(cases.stream().mapToLong(c -> c.escalations).sum())
                .isPositive();
        List<String> oldest = open.stream().sorted(Comparator.comparing((Case c) -> c.receivedAt)
                .thenComparing(c -> c.id)).limit(10).map(c -> c.id).toList();
        List<String> shown = new ArrayList<>();
        dashboard.get("oldestOpen").forEach(row -> shown.add(row.get("id").asString()));
        assertThat(shown).isEqualTo(oldest);
    }

    /**
     * The dashboard's percentiles come from histograms (V10 dashboard_histogram): within one bucket's width of
     * percentile_cont, i.e. 1 s below 128 s and 2.19 % above, plus the rounding of both figures to whole seconds.
     */
    private static void checkPercentiles(JsonNode node, List<Double> values) {
        assertThat(node.get("count").asLong()).isEqualTo(values.size());
        for (String name : List.of("p50", "p90", "p99")) {
            double exact = percentile(values, Integer.parseInt(name.substring(1)) / 100.0);
            long tolerance = (long) Math.ceil(Math.max(1, exact * 0.0219)) + 1;
            assertThat(node.get(name).asLong()).as(name + " of " + values.size())
                    .isCloseTo(Math.round(exact), org.assertj.core.data.Offset.offset(tolerance));
        }
    }

    /** Linear interpolation between the closest ranks (PostgreSQL's percentile_cont). */
    private static double percentile(List<Double> values, double fraction) {
        List<Double> sorted = values.stream().sorted().toList();
        double rank = fraction * (sorted.size() - 1);
        int lower = (int) Math.floor(rank);
        int upper = (int) Math.ceil(rank);
        return sorted.get(lower) + (rank - lower) * (sorted.get(upper) - sorted.get(lower));
    }

    // ---------------------------------------------------------------- responsibility

    @Test
    @Order(3)
    @DisplayName("the responsibility report per department, per handler and per kind equals the facts'")
    void responsibilityReport() {
        Instant from = LocalDate.of(2026, 2, 1).atStartOfDay(GeneratedHistory.ZONE).toInstant();
        Instant to = LocalDate.of(2026, 9, 1).atStartOfDay(GeneratedHistory.ZONE).toInstant();
        List<Case> cases = history.cases.stream()
                .filter(c -> !c.receivedAt.isBefore(from) && c.receivedAt.isBefore(to)).toList();
        JsonNode report = api.get("/api/reports/responsibility?from=2026-02-01&to=2026-09-01").json();

        Map<String, List<Case>> byDepartment = cases.stream().collect(Collectors.groupingBy(c -> c.department,
                TreeMap::new, Collectors.toList()));
        assertThat(report.get("departments").size()).isEqualTo(byDepartment.size());
        for (JsonNode line : report.get("departments")) {
            checkLine(line, byDepartment.get(line.get("name").asString()));
        }
        Map<String, List<Case>> byHandler = cases.stream().collect(Collectors.groupingBy(
                c -> c.handler == null ? "unassigned" : c.handler, TreeMap::new, Collectors.toList()));
        assertThat(report.get("handlers").size()).isEqualTo(byHandler.size());
        for (JsonNode line : report.get("handlers")) {
            List<Case> handled = byHandler.get(line.get("name").asString());
            checkLine(line, handled);
            assertThat(line.get("department").asString()).isEqualTo(handled.stream()
                    .map(c -> c.handlingDepartment == null ? c.department : c.handlingDepartment)
                    .max(Comparator.naturalOrder()).orElseThrow());
        }
        Map<String, List<Case>> byType = cases.stream().collect(Collectors.groupingBy(c -> c.type));
        assertThat(report.get("kinds").size()).isEqualTo(byType.size());
        for (JsonNode kind : report.get("kinds")) {
            List<Case> ofKind = byType.get(kind.get("type").asString());
            assertThat(kind.get("complaints").asLong()).isEqualTo(ofKind.size());
            assertThat(counts(kind.get("primary"))).isEqualTo(count(ofKind, c -> c.department));
            assertThat(counts(kind.get("handling"))).isEqualTo(count(ofKind.stream()
                    .filter(c -> c.handlingDepartment != null).toList(), c -> c.handlingDepartment));
            assertThat(counts(kind.get("cooperating"))).isEqualTo(ofKind.stream().flatMap(c -> c.cooperating.stream())
                    .collect(Collectors.groupingBy(d -> d, TreeMap::new, Collectors.counting())));
            assertThat(counts(kind.get("deciding"))).isEqualTo(count(ofKind.stream().filter(c -> c.approved).toList(),
                    c -> c.decisionAuthority));
        }
    }

    private static void checkLine(JsonNode line, List<Case> cases) {
        String name = line.get("name").asString();
        assertThat(line.get("received").asLong()).as(name).isEqualTo(cases.size());
        long resolved = cases.stream().filter(c -> c.resolvedNow).count();
        assertThat(line.get("resolved").asLong()).as(name).isEqualTo(resolved);
        assertThat(line.get("overdue").asLong()).as(name)
                .isEqualTo(cases.stream().filter(c -> c.resolutionBreaches > 0).count());
        assertThat(line.get("breachesByClock").get("FIRST_RESPONSE").asLong()).as(name)
                .isEqualTo(cases.stream().mapToLong(c -> c.firstResponseBreaches).sum());
        assertThat(line.get("breachesByClock").get("RESOLUTION").asLong()).as(name)
                .isEqualTo(cases.stream().mapToLong(c -> c.resolutionBreaches).sum());
        List<Double> handling = cases.stream().filter(c -> c.resolvedNow)
                .map(c -> (double) Duration.between(c.receivedAt, c.resolvedAt).toSeconds()).toList();
        if (handling.isEmpty()) {
            assertThat(line.get("averageHandlingSeconds").isNull()).as(name).isTrue();
        } else {
            assertThat(line.get("averageHandlingSeconds").asLong()).as(name)
                    .isEqualTo(Math.round(handling.stream().mapToDouble(d -> d).average().orElseThrow()));
            assertThat(line.get("p90HandlingSeconds").asLong()).as(name)
                    .isEqualTo(Math.round(percentile(handling, 0.9)));
        }
        long everResolved = cases.stream().filter(c -> c.resolvedNow || c.reopened).count();
        long reopened = cases.stream().filter(c -> c.reopened).count();
        assertRatio(line.get("reopenRate"), reopened, everResolved, name);
        assertThat(line.get("escalations").asLong()).as(name)
                .isEqualTo(cases.stream().mapToLong(c -> c.escalations).sum());
        List<Integer> scores = cases.stream().filter(c -> c.score != null).map(c -> c.score).toList();
        if (scores.isEmpty()) {
            assertThat(line.get("averageSatisfaction").isNull()).as(name).isTrue();
        } else {
            assertThat(line.get("averageSatisfaction").asDouble()).as(name).isEqualTo(
                    Math.round(scores.stream().mapToInt(i -> i).average().orElseThrow() * 100.0) / 100.0);
        }
        assertRatio(line.get("satisfactionResponseRate"), scores.size(), resolved, name);
    }

    private static void assertRatio(JsonNode node, long part, long whole, String name) {
        if (whole == 0) {
            assertThat(node.isNull()).as(name).isTrue();
        } else {
            assertThat(node.asDouble()).as(name).isEqualTo(Math.round(part * 10000.0 / whole) / 10000.0);
        }
    }

    @Test
    @Order(4)
    @DisplayName("the responsibility report downloads as CSV with one row per department and per handler")
    void responsibilityCsv() {
        Api.Response csv = api.get("/api/reports/responsibility?from=2026-02-01&to=2026-09-01&format=csv");
        JsonNode json = api.get("/api/reports/responsibility?from=2026-02-01&to=2026-09-01").json();
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).contains("responsibility-report.csv");
        String[] lines = csv.raw().body().replace("\uFEFF", "").split("\r\n");
        assertThat(lines[0]).startsWith("level,name,department,received,resolved,overdue,breaches_first_response");
        assertThat(lines).hasSize(1 + json.get("departments").size() + json.get("handlers").size());
        JsonNode first = json.get("departments").get(0);
        assertThat(lines[1]).startsWith("department," + first.get("name").asString() + ",,"
                + first.get("received").asLong() + "," + first.get("resolved").asLong() + ",");
    }

    // ---------------------------------------------------------------- trends

    @Test
    @Order(5)
    @DisplayName("monthly trends count by type, subtype, channel and department, and warn of September's surge")
    void trends() {
        JsonNode trends = api.get("/api/reports/trends?granularity=month&from=2026-01-01&to=2026-11-01").json();
        assertThat(trends.get("periods").size()).isEqualTo(10);
        Map<String, List<Case>> byMonth = history.cases.stream().collect(Collectors.groupingBy(c -> {
            LocalDate date = c.receivedAt.atZone(GeneratedHistory.ZONE).toLocalDate();
            return "%d-%02d".formatted(date.getYear(), date.getMonthValue());
        }));
        for (JsonNode period : trends.get("periods")) {
            List<Case> cases = byMonth.get(period.get("period").asString());
            assertThat(period.get("total").asLong()).isEqualTo(cases.size());
            assertThat(counts(period.get("byType"))).isEqualTo(count(cases, c -> c.type));
            assertThat(counts(period.get("bySubtype"))).isEqualTo(count(cases, c -> c.type + "/" + c.subtype));
            assertThat(counts(period.get("byChannel"))).isEqualTo(count(cases, c -> c.channel.name()));
            assertThat(counts(period.get("byDepartment"))).isEqualTo(count(cases, c -> c.department));
            Map.Entry<String, Long> top = count(cases, c -> c.type + "/" + c.subtype).entrySet().stream()
                    .max(Map.Entry.<String, Long>comparingByValue()
                            .thenComparing(Map.Entry::getKey, Comparator.reverseOrder())).orElseThrow();
            JsonNode shownTop = period.get("topProblems").get(0);
            assertThat(shownTop.get("type").asString() + "/" + shownTop.get("subtype").asString())
                    .isEqualTo(top.getKey());
            assertThat(shownTop.get("count").asLong()).isEqualTo(top.getValue());
        }
        Set<String> expected = new LinkedHashSet<>();
        List<String> months = new ArrayList<>(new TreeMap<>(byMonth).keySet());
        for (String dimension : List.of("type", "subtype")) {
            Function<Case, String> key = dimension.equals("type") ? c -> c.type : c -> c.type + "/" + c.subtype;
            Set<String> keys = history.cases.stream().map(key).collect(Collectors.toSet());
            for (int i = 0; i < months.size(); i++) {
                for (String k : keys) {
                    long count = byMonth.get(months.get(i)).stream().filter(c -> key.apply(c).equals(k)).count();
                    double baseline = 0;
                    for (int j = i - 3; j < i; j++) {
                        baseline += j < 0 ? 0 : byMonth.get(months.get(j)).stream()
                                .filter(c -> key.apply(c).equals(k)).count();
                    }
                    baseline /= 3;
                    if (count >= 10 && count >= 1.5 * baseline) {
                        expected.add(months.get(i) + " " + dimension + " " + k);
                    }
                }
            }
        }
        Set<String> warned = new LinkedHashSet<>();
        trends.get("warnings").forEach(w -> warned.add(w.get("period").asString() + " " + w.get("dimension").asString()
                + " " + w.get("key").asString()));
        assertThat(warned).containsExactlyInAnyOrderElementsOf(expected).contains("2026-09 subtype PRODUCT/FUNCTION");
    }

    @Test
    @Order(6)
    @DisplayName("quarterly trends add up the months of each quarter")
    void quarterlyTrends() {
        JsonNode trends = api.get("/api/reports/trends?granularity=quarter&from=2026-01-01&to=2026-10-01").json();
        assertThat(trends.get("periods").size()).isEqualTo(3);
        for (JsonNode period : trends.get("periods")) {
            int quarter = Integer.parseInt(period.get("period").asString().substring(6));
            long expected = history.cases.stream().filter(c -> {
                int month = c.receivedAt.atZone(GeneratedHistory.ZONE).getMonthValue();
                return (month - 1) / 3 + 1 == quarter;
            }).count();
            assertThat(period.get("total").asLong()).isEqualTo(expected);
        }
    }

    // ---------------------------------------------------------------- case list

    @Test
    @Order(7)
    @DisplayName("the case list's filters select what the facts say")
    void caseListFilters() {
        assertThat(all("status=CONFIRMED&department=technology")).containsExactlyElementsOf(ids(c ->
                c.status().equals("CONFIRMED") && c.department.equals("technology")));
        assertThat(all("sla=BREACHED")).containsExactlyElementsOf(ids(c -> "BREACHED".equals(c.slaStateNow())));
        assertThat(all("scope=group")).containsExactlyElementsOf(ids(c -> c.groupId != null
                || c.events.get(0).getPayload() instanceof com.complaintengine.api.events.ComplaintReceived r
                && r.affectedCount() > 1));
        assertThat(all("q=WASHING%20MACHINE&type=PRODUCT")).containsExactlyElementsOf(ids(c ->
                Integer.parseInt(c.id.substring(4)) % 7 == 0 && c.type.equals("PRODUCT")));
        assertThat(all("handler=logistics-handler-1&urgency=URGENT,MAJOR&channel=HOTLINE,APP")).containsExactlyElementsOf(
                ids(c -> "logistics-handler-1".equals(c.handler) && !c.urgency.name().equals("GENERAL")
                        && Set.of("HOTLINE", "APP").contains(c.channel.name())));
        assertThat(all("receivedFrom=2026-04-01&receivedTo=2026-05-01&escalation=MAJOR")).containsExactlyElementsOf(
                ids(c -> c.escalations > 0 && c.receivedAt.atZone(GeneratedHistory.ZONE).getMonthValue() == 4));
    }

    @Test
    @Order(8)
    @DisplayName("keyset paging neither repeats nor skips a case while new complaints arrive between pages")
    void keysetPagingWhileComplaintsArrive() {
        List<String> expected = ids(c -> true);
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = api.get("/api/complaints?limit=197" + (cursor == null ? "" : "&cursor=" + cursor)).json();
            page.get("items").forEach(row -> seen.add(row.get("id").asString()));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
            if (pages++ == 1) {
                for (int i = 0; i < 5; i++) {
                    api.awaitProjected(api.receive());
                }
            }
        } while (cursor != null);
        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(all("")).hasSize(COMPLAINTS + 5);
        List<String> billing = new ArrayList<>(ids(c -> c.department.equals("billing")));
        java.util.Collections.reverse(billing);
        List<String> ascending = new ArrayList<>();
        cursor = null;
        do {
            JsonNode page = api.get("/api/complaints?department=billing&sort=received_asc&limit=150"
                    + (cursor == null ? "" : "&cursor=" + cursor)).json();
            page.get("items").forEach(row -> ascending.add(row.get("id").asString()));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
        } while (cursor != null);
        assertThat(ascending).containsExactlyElementsOf(billing);
    }

    private static List<String> all(String filter) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            Api.Response response = api.get("/api/complaints?limit=200&" + filter
                    + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(response.status()).as(response.raw().body()).isEqualTo(200);
            response.json().get("items").forEach(row -> ids.add(row.get("id").asString()));
            cursor = response.json().get("nextCursor").isNull() ? null : response.json().get("nextCursor").asString();
        } while (cursor != null);
        return ids;
    }

    /** The generated complaints that match, newest first, as the list's default order has them. */
    private static List<String> ids(Predicate<Case> filter) {
        List<String> ids = history.cases.stream().filter(filter).sorted(Comparator.comparing((Case c) -> c.receivedAt)
                .thenComparing(c -> c.id).reversed()).map(c -> c.id).toList();
        assertThat(ids).isNotEmpty();
        return ids;
    }

    // ---------------------------------------------------------------- auditor replay

    @Test
    @Order(9)
    @DisplayName("asOf gives the case as it stood at instants through its history")
    void asOfMatchesTheCaseAtSeveralInstants() {
        List<Case> longCases = history.cases.stream().filter(c -> c.events.size() >= 12).limit(5).toList();
        assertThat(longCases).hasSize(5);
        for (Case c : longCases) {
            assertThat(api.get("/api/complaints/" + c.id + "?asOf=" + c.receivedAt.minusSeconds(1)).status())
                    .isEqualTo(404);
            for (int i = 0; i < c.events.size(); i++) {
                Instant at = occurredAt(c.events.get(i));
                if (i + 1 < c.events.size() && occurredAt(c.events.get(i + 1)).equals(at)) {
                    continue;
                }
                JsonNode state = api.get("/api/complaints/" + c.id + "?asOf=" + at).json();
                assertThat(state.get("version").asLong()).as(c.id + " at " + at).isEqualTo(i);
                assertThat(state.get("status").asString()).as(c.id + " at " + at)
                        .isEqualTo(statusAfter(c.events.subList(0, i + 1)));
            }
        }
    }

    private static Instant occurredAt(DomainEventMessage<?> event) {
        return Instant.parse(event.getMetaData().get("occurredAt").toString());
    }

    /** The status after these events, by the lifecycle's rules, from the event types alone. */
    private static String statusAfter(List<DomainEventMessage<?>> events) {
        String status = "RECEIVED";
        for (DomainEventMessage<?> event : events) {
            String type = event.getPayloadType().getSimpleName();
            status = switch (type) {
                case "ComplaintClassified" -> "CLASSIFIED";
                case "ComplaintAcknowledged" -> "ACKNOWLEDGED";
                case "HandlerAssigned", "DeadlineExtended", "RemedyApproved" ->
                        status.equals("ACKNOWLEDGED") ? "IN_HANDLING" : status;
                case "ComplaintResolved" -> "RESOLVED";
                case "ComplaintReopened" -> "IN_HANDLING";
                case "OutcomeConfirmed" -> ((com.complaintengine.api.events.OutcomeConfirmed) event.getPayload())
                        .satisfied() ? "CONFIRMED" : status;
                default -> status;
            };
        }
        return status;
    }

    // ---------------------------------------------------------------- rebuild

    @Test
    @Order(10)
    @DisplayName("a rebuild from the event store, while the server serves, gives identical answers")
    void rebuildGivesIdenticalAnswers() {
        List<String> paths = List.of("/api/dashboard/sla", "/api/dashboard/sla?from=2026-03-01&department=logistics",
                "/api/reports/responsibility?from=2026-01-01&to=2026-11-01",
                "/api/reports/trends?granularity=month&from=2026-01-01&to=2026-11-01",
                "/api/reports/trends?granularity=quarter&from=2026-01-01&to=2026-11-01",
                "/api/complaints?limit=200&sort=updated_desc", "/api/complaints/GEN-00042");
        List<String> before = paths.stream().map(p -> api.get(p).raw().body()).toList();
        long rowsBefore = engine.jdbc().queryForObject("select count(*) from complaint_summary", Long.class);
        // A row lost behind the projection's back: only a real replay from the events brings it back.
        assertThat(engine.jdbc().update("delete from complaint_summary where complaint_id = 'GEN-00042'")).isEqualTo(1);
        assertThat(api.get("/api/complaints/GEN-00042").status()).isEqualTo(404);

        Api.Response started = api.post("/api/admin/projections/complaint-summary/rebuild", "");
        assertThat(started.status()).as(started.raw().body()).isEqualTo(202);
        assertThat(started.json().get("replaying").asBoolean()).isTrue();
        assertThat(api.get("/api/complaints/GEN-00001/history").status()).isEqualTo(200);
        Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() -> {
            JsonNode status = api.get("/api/admin/projections/complaint-summary").json();
            System.out.println("rebuild status " + status);
            return !status.get("replaying").asBoolean() && status.get("lag").isNumber()
                    && status.get("lag").asLong() == 0;
        });
        assertThat(engine.jdbc().queryForObject("select count(*) from complaint_summary", Long.class))
                .isEqualTo(rowsBefore);
        assertThat(countersAndDeltas()).as("the dashboard's counters after the replay").isEqualTo(recomputedFromRows());
        List<String> after = paths.stream().map(p -> api.get(p).raw().body()).toList();
        for (int i = 0; i < paths.size(); i++) {
            assertThat(after.get(i)).as(paths.get(i)).isEqualTo(before.get(i));
        }
        JsonNode statuses = api.get("/api/admin/projections").json();
        assertThat(statuses.get("projections").size()).isEqualTo(2);
        io.micrometer.core.instrument.Gauge lag = engine.bean(io.micrometer.core.instrument.MeterRegistry.class)
                .find("complaint.projection.lag").tag("projection", "complaint-summary").gauge();
        assertThat(lag).isNotNull();
        assertThat(lag.value()).isZero();
    }

    // ---------------------------------------------------------------- helpers

    private static Map<String, Long> counts(JsonNode object) {
        Map<String, Long> counts = new TreeMap<>();
        object.properties().forEach(e -> counts.put(e.getKey(), e.getValue().asLong()));
        return counts;
    }

    private static Map<String, Long> count(List<Case> cases, Function<Case, String> key) {
        return cases.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.counting()));
    }
}
