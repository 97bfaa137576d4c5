package com.complaintengine.query.summary;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code complaint_summary} table: the whole summary as a jsonb document, plus the columns that
 * lists and reports filter on. Writes are guarded by the event sequence, so a replayed or redelivered
 * event never moves a row backwards or applies twice.
 */
@Repository
public class ComplaintSummaryStore {

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
    public void save(ComplaintSummary summary) {
        ComplaintSummary.ClassificationView classification = summary.classification();
        jdbc.update("""
                insert into complaint_summary (complaint_id, version, status, urgency, type, primary_department,
                                               received_at, updated_at, document)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)
                on conflict (complaint_id) do update
                   set version = excluded.version, status = excluded.status, urgency = excluded.urgency,
                       type = excluded.type, primary_department = excluded.primary_department,
                       received_at = excluded.received_at, updated_at = excluded.updated_at,
                       document = excluded.document
                 where complaint_summary.version < excluded.version""",
                summary.id(), summary.version(), summary.status().name(),
                classification == null ? null : classification.urgency().name(),
                classification == null ? null : classification.type(),
                classification == null ? null : classification.routing().primaryDepartment(),
                Timestamp.from(summary.timeline().receivedAt()), Timestamp.from(summary.timeline().updatedAt()),
                json.writeValueAsString(summary));
    }

    /** Empties the table before a replay of the projection. */
    public void deleteAll() {
        jdbc.update("delete from complaint_summary");
    }
}
