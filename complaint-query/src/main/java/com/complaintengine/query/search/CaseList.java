package com.complaintengine.query.search;

import com.complaintengine.query.search.CaseSearch.Cursor;
import com.complaintengine.query.search.CaseSearch.Scope;
import com.complaintengine.query.search.CaseSearch.Sort;
import com.complaintengine.query.web.BadQueryParameter;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The case list over {@code complaint_summary}, paged by keyset: each page continues strictly after the
 * (sort value, id) of the previous page's last row, so complaints arriving while someone pages through the list
 * neither repeat nor push rows off a page (with the received-time orders, which never change for a row).
 */
@Repository
public class CaseList {

    private static final String COLUMNS = """
            complaint_id, status, urgency, type, subtype, channel, primary_department, handler, escalation_level,
            sla_state, next_due_at, group_id, affected_count, received_at, updated_at,
            left(document -> 'intake' ->> 'facts', 140) as facts""";

    private final JdbcTemplate jdbc;

    public CaseList(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public CasePage search(CaseSearch search) {
        Statement statement = statement(search);
        List<CaseRow> rows = jdbc.query(statement.sql(), (rs, n) -> row(rs), statement.args().toArray());
        String next = null;
        if (rows.size() > search.limit()) {
            rows = rows.subList(0, search.limit());
            CaseRow last = rows.get(rows.size() - 1);
            next = encode(new Cursor(search.sort(), sortValue(search.sort(), last), last.id()));
        }
        return new CasePage(List.copyOf(rows), next);
    }

    /** The SQL a search runs, with its arguments: one more row than the limit, to know whether a next page exists. */
    public record Statement(String sql, List<Object> args) {
    }

    /** The statement for a search; public so that a test can read its plan on PostgreSQL (the indexes of V9). */
    public static Statement statement(CaseSearch search) {
        List<Object> args = new ArrayList<>();
        StringBuilder where = new StringBuilder(" where true");
        in(where, args, "status", search.statuses().stream().map(Enum::name).toList());
        in(where, args, "urgency", search.urgencies().stream().map(Enum::name).toList());
        in(where, args, "type", search.types());
        in(where, args, "subtype", search.subtypes());
        in(where, args, "channel", search.channels().stream().map(Enum::name).toList());
        in(where, args, "primary_department", search.departments());
        in(where, args, "handler", search.handlers());
        in(where, args, "escalation_level", search.escalationLevels().stream().map(Enum::name).toList());
        in(where, args, "sla_state", search.slaStates().stream().map(Enum::name).toList());
        if (search.scope() == Scope.GROUP) {
            where.append(" and (group_id is not null or affected_count > 1)");
        } else if (search.scope() == Scope.INDIVIDUAL) {
            where.append(" and group_id is null and affected_count <= 1");
        }
        if (search.receivedFrom() != null) {
            where.append(" and received_at >= ?");
            args.add(Timestamp.from(search.receivedFrom()));
        }
        if (search.receivedTo() != null) {
            where.append(" and received_at < ?");
            args.add(Timestamp.from(search.receivedTo()));
        }
        if (search.text() != null) {
            where.append(" and document -> 'intake' ->> 'facts' ilike ? escape '\\'");
            args.add("%" + search.text().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        Sort sort = search.sort();
        if (search.after() != null) {
            where.append(" and (").append(sort.column).append(", complaint_id) ")
                 .append(sort.ascending ? ">" : "<").append(" (coalesce(?::timestamptz, 'infinity'::timestamptz), ?)");
            args.add(search.after().value() == null ? null : Timestamp.from(search.after().value()));
            args.add(search.after().complaintId());
        }
        String direction = sort.ascending ? " asc" : " desc";
        String sql = "select " + COLUMNS + " from complaint_summary" + where + " order by " + sort.column + direction
                + ", complaint_id" + direction + " limit ?";
        args.add(search.limit() + 1);
        return new Statement(sql, Collections.unmodifiableList(args));
    }

    private static void in(StringBuilder where, List<Object> args, String column, Collection<String> values) {
        if (!values.isEmpty()) {
            where.append(" and ").append(column).append(" in (")
                 .append(String.join(", ", values.stream().map(v -> "?").toList())).append(')');
            args.addAll(values);
        }
    }

    private static Instant sortValue(Sort sort, CaseRow row) {
        return switch (sort) {
            case RECEIVED_ASC, RECEIVED_DESC -> row.receivedAt();
            case UPDATED_ASC, UPDATED_DESC -> row.updatedAt();
            case DUE_ASC -> row.nextDueAt();
        };
    }

    private static CaseRow row(ResultSet rs) throws SQLException {
        return new CaseRow(rs.getString("complaint_id"), rs.getString("status"), rs.getString("urgency"),
                rs.getString("type"), rs.getString("subtype"), rs.getString("channel"),
                rs.getString("primary_department"), rs.getString("handler"), rs.getString("escalation_level"),
                rs.getString("sla_state"), instant(rs, "next_due_at"), rs.getString("group_id"),
                rs.getInt("affected_count"), instant(rs, "received_at"), instant(rs, "updated_at"),
                rs.getString("facts"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    /** The cursor is opaque to clients: the sort, the last row's sort value (epoch microseconds) and its id. */
    static String encode(Cursor cursor) {
        String value = cursor.value() == null ? "-" : Long.toString(micros(cursor.value()));
        String raw = "1|" + cursor.sort().name() + "|" + value + "|" + cursor.complaintId();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** Reads a cursor given back by a client; it must come from a page of the same sort. */
    public static Cursor decode(String text, Sort sort) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split("\\|", 4);
            if (parts.length == 4 && parts[0].equals("1") && !parts[3].isEmpty()) {
                Sort cursorSort = Sort.valueOf(parts[1]);
                if (cursorSort != sort) {
                    throw new BadQueryParameter("cursor", "belongs to the sort " + cursorSort
                            + "; ask again without a cursor to change the sort");
                }
                Instant value = parts[2].equals("-") ? null : ofMicros(Long.parseLong(parts[2]));
                return new Cursor(cursorSort, value, parts[3]);
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw new BadQueryParameter("cursor", "is not a cursor this list gave out (use nextCursor of a page as it is)");
    }

    private static long micros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
    }

    private static Instant ofMicros(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000);
    }
}
