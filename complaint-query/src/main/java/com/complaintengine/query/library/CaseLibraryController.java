package com.complaintengine.query.library;

import com.complaintengine.query.report.ReportProperties;
import com.complaintengine.query.web.QueryParameters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/case-library}: typical cases, newest marking first, searchable by words in scenario, wording
 * or tags ({@code q}), and by type, subtype, remedy and tag.
 */
@RestController
class CaseLibraryController {

    private final JdbcTemplate jdbc;
    private final ReportProperties properties;

    CaseLibraryController(JdbcTemplate jdbc, ReportProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    @GetMapping("/api/case-library")
    Map<String, Object> search(@RequestParam Map<String, String> parameters) {
        QueryParameters p = QueryParameters.of(parameters, properties.zone(), "q", "type", "subtype", "remedy", "tag",
                "limit");
        StringBuilder sql = new StringBuilder("select * from case_library where true");
        List<Object> args = new ArrayList<>();
        String q = p.text("q", 200);
        if (q != null) {
            sql.append(" and (scenario ilike ? escape '\\' or wording ilike ? escape '\\' or tags ilike ? escape '\\')");
            String like = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            args.addAll(List.of(like, like, like));
        }
        equal(sql, args, "type", p.text("type", 50));
        equal(sql, args, "subtype", p.text("subtype", 50));
        equal(sql, args, "remedy", p.text("remedy", 30));
        String tag = p.text("tag", 40);
        if (tag != null) {
            sql.append(" and ? = any(string_to_array(tags, ','))");
            args.add(tag);
        }
        sql.append(" order by marked_at desc, complaint_id limit ?");
        args.add(p.integer("limit", 20, 1, 100));
        List<TypicalCase> cases = jdbc.query(sql.toString(), (rs, n) -> new TypicalCase(rs.getString("complaint_id"),
                rs.getString("type"), rs.getString("subtype"), rs.getString("scenario"), rs.getString("remedy"),
                rs.getBigDecimal("amount"), rs.getString("currency"), rs.getString("wording"),
                rs.getString("tags").isEmpty() ? List.of() : Arrays.asList(rs.getString("tags").split(",")),
                rs.getString("marked_by"), rs.getTimestamp("marked_at").toInstant()), args.toArray());
        return Map.of("items", cases);
    }

    private static void equal(StringBuilder sql, List<Object> args, String column, String value) {
        if (value != null) {
            sql.append(" and ").append(column).append(" = ?");
            args.add(value);
        }
    }
}
