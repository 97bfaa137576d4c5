package com.complaintengine.query.summary;

import com.complaintengine.api.values.ComplaintStatus;
import com.complaintengine.api.values.SlaClock;
import com.complaintengine.query.summary.ComplaintSummary.SlaState;
import com.complaintengine.query.summary.ComplaintSummary.SlaView;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code complaint_summary} table: the whole summary as a jsonb document, plus the columns that
 * lists and reports filter and aggregate on. Writes are guarded by the event sequence, so a replayed or
 * redelivered event never moves a row backwards or applies twice.
 */
@Repository
public class ComplaintSummaryStore {

    /** Current clock states from the most to the least pressing; the worst one is the case's SLA state. */
    private static final List<SlaState> PRESSING = List.of(SlaState.BREACHED, SlaState.AT_RISK, SlaState.PAUSED,
            SlaState.EXTENDED, SlaState.RUNNING);
    private static final Set<SlaState> TICKING = Set.of(SlaState.RUNNING, SlaState.AT_RISK, SlaState.EXTENDED);

    /** Summaries written by one statement at most (25 parameters each, far below PostgreSQL's 65,535). */
    static final int ROWS_PER_STATEMENT = 100;
    private static final int COLUMNS = 25;
    private static final String UPSERT_HEAD = """
            insert into complaint_summary (complaint_id, version, status, urgency, type, subtype,
                    primary_department, channel, handler, handling_department, escalation_level, escalation_count,
                    sla_state, next_due_at, group_id, affected_count, first_response_at, resolved_at,
                    reopen_count, extension_count, satisfied, score, received_at, updated_at, document)
            values
            """;
    private static final String UPSERT_ROW = """
            (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::timestamptz,
             (select group_id from complaint_group_link where complaint_id = ?),
             ?, ?::timestamptz, ?::timestamptz, ?, ?, ?::boolean, ?::integer, ?::timestamptz, ?::timestamptz, ?::jsonb)""";
    private static final String UPSERT_TAIL = """

            on conflict (complaint_id) do update
               set version = excluded.version, status = excluded.status, urgency = excluded.urgency,
                   type = excluded.type, subtype = excluded.subtype,
                   primary_department = excluded.primary_department, channel = excluded.channel,
                   handler = excluded.handler, handling_department = excluded.handling_department,
                   escalation_level = excluded.escalation_level, escalation_count = excluded.escalation_count,
                   sla_state = excluded.sla_state, next_due_at = excluded.next_due_at,
                   group_id = excluded.group_id, affected_count = excluded.affected_count,
                   first_response_at = excluded.first_response_at, resolved_at = excluded.resolved_at,
                   reopen_count = excluded.reopen_count, extension_count = excluded.extension_count,
                   satisfied = excluded.satisfied, score = excluded.score,
                   received_at = excluded.received_at, updated_at = excluded.updated_at,
                   document = excluded.document
             where complaint_summary.version < excluded.version""";

    private final JdbcTemplate jdbc;
    private final JsonMapper json = JsonMapper.builder().build();

    public ComplaintSummaryStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<ComplaintSummary> find(String id) {
        List<ComplaintSummary> rows = jdbc.query("select document from complaint_summary where complaint_id = ?",
                (rs, n) -> json.readValue(rs.getString(1), ComplaintSummary.class), id);
        return rows.stream().findFirst();
    }

    /** Stores the summary unless the row already holds this version or a later one. */
    public void save(ComplaintSummary s) {
        saveAll(List.of(s));
    }

    /**
     * {@link #save} for several complaints' summaries (one each), in statements of up to {@value #ROWS_PER_STATEMENT}
     * rows: the dashboard's statement triggers then run once per statement instead of once per summary (issue 9).
     */
    public void saveAll(Collection<ComplaintSummary> summaries) {
        List<ComplaintSummary> all = List.copyOf(summaries);
        for (int from = 0; from < all.size(); from += ROWS_PER_STATEMENT) {
            List<ComplaintSummary> chunk = all.subList(from, Math.min(all.size(), from + ROWS_PER_STATEMENT));
            List<Object> arguments = new ArrayList<>(chunk.size() * COLUMNS);
            chunk.forEach(s -> arguments.addAll(arguments(s)));
            jdbc.update(upsert(chunk.size()), arguments.toArray());
        }
    }

    private static String upsert(int rows) {
        return UPSERT_HEAD + String.join(",\n", Collections.nCopies(rows, UPSERT_ROW)) + UPSERT_TAIL;
    }

    private List<Object> arguments(ComplaintSummary s) {
        ComplaintSummary.ClassificationView classification = s.classification();
        ComplaintSummary.Assignment assignment = s.assignment();
        SlaView firstResponse = s.sla().get(SlaClock.FIRST_RESPONSE);
        return Arrays.asList(s.id(), s.version(), s.status().name(),
                classification == null ? null : classification.urgency().name(),
                classification == null ? null : classification.type(),
                classification == null ? null : classification.subtype(),
                classification == null ? null : classification.routing().primaryDepartment(),
                s.intake().channel().name(),
                assignment == null ? null : assignment.handler(),
                assignment == null ? null : assignment.department(),
                s.escalation().level() == null ? null : s.escalation().level().name(),
                s.activity().escalations(),
                slaState(s), timestamp(nextDue(s)), s.id(), s.intake().affectedCount(),
                timestamp(firstResponse == null ? null : firstResponse.metAt()),
                timestamp(s.status().compareTo(ComplaintStatus.RESOLVED) >= 0 ? s.timeline().resolvedAt() : null),
                s.activity().reopened(), s.activity().extensions(),
                s.outcome() == null ? null : s.outcome().satisfied(),
                s.outcome() == null ? null : s.outcome().score(),
                timestamp(s.timeline().receivedAt()), timestamp(s.timeline().updatedAt()),
                json.writeValueAsString(s));
    }

    private static final String LINK = """
            insert into complaint_group_link (complaint_id, group_id) values (?, ?)
            on conflict (complaint_id) do update set group_id = excluded.group_id""";

    /** A complaint became one of a group case's issues (002 §3); kept even if its summary comes later. */
    public void linkToGroup(String complaintId, String groupId) {
        jdbc.update(LINK, complaintId, groupId);
        jdbc.update("update complaint_summary set group_id = ? where complaint_id = ?", groupId, complaintId);
    }

    /**
     * The links of complaints to group cases (complaint → group), before their summaries are written: each summary's
     * upsert takes its group from them (the rebuild's fold).
     */
    void saveLinks(Map<String, String> links) {
        jdbc.batchUpdate(LINK, links.entrySet().stream().map(e -> new Object[] {e.getKey(), e.getValue()}).toList());
    }

    /**
     * Empties the tables before a replay of the projection, with the dashboard's counters that the summary rows
     * feed (truncate fires no row or statement triggers: emptying the counters row by row would cost a replay
     * seconds at a million complaints).
     */
    public void deleteAll() {
        jdbc.update("truncate complaint_summary, complaint_group_link, dashboard_cube, dashboard_cube_delta, "
                + "dashboard_histogram, dashboard_histogram_delta");
    }

    /** The most pressing state among the case's current clocks; null when no clock is current. */
    static String slaState(ComplaintSummary s) {
        return PRESSING.stream().filter(state -> s.sla().values().stream().anyMatch(v -> v.state() == state))
                .findFirst().map(Enum::name).orElse(null);
    }

    /** The nearest due instant among the clocks still ticking. */
    static Instant nextDue(ComplaintSummary s) {
        return s.sla().values().stream().filter(v -> TICKING.contains(v.state()) && v.dueAt() != null)
                .map(SlaView::dueAt).min(Comparator.naturalOrder()).orElse(null);
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
