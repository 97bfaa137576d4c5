package com.complaintengine.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintengine.query.search.CaseList;
import com.complaintengine.query.search.CaseSearch;
import com.complaintengine.query.search.CaseSearch.Cursor;
import com.complaintengine.query.search.CaseSearch.Scope;
import com.complaintengine.query.search.CaseSearch.Sort;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.ConnectionCallback;

/**
 * Issue 9: the case list's statements can use the indexes of V9 (the due order, the trigram index on the facts).
 * The table of a test is small, where a sequential scan (or a bitmap scan and a sort) is cheapest, so the plan is read
 * with those alternatives switched off for that transaction only; what is asserted is that the statement as the list
 * writes it matches the index expression, which is what a 1,000,000-row table needs (docs/performance.md).
 */
class SearchIndexesOnPostgresTest {

    private static CaseSearch search(String text, Sort sort, Cursor after) {
        return new CaseSearch(Set.of(), Set.of(), List.of(), List.of(), Set.of(), List.of(), List.of(), Set.of(),
                Set.of(), Scope.ALL, null, null, text, sort, 20, after);
    }

    /** EXPLAIN of the statement in a transaction of its own, with the given planner settings set locally. */
    private static String plan(CaseList.Statement statement, String... settings) {
        return Engine.shared().jdbc().execute((ConnectionCallback<String>) connection -> explain(connection, statement,
                settings));
    }

    private static String explain(Connection connection, CaseList.Statement statement, String... settings)
            throws java.sql.SQLException {
        connection.setAutoCommit(false);
        try (Statement set = connection.createStatement()) {
            for (String setting : settings) {
                set.execute("set local " + setting);
            }
            try (PreparedStatement explain = connection.prepareStatement("explain " + statement.sql())) {
                for (int i = 0; i < statement.args().size(); i++) {
                    explain.setObject(i + 1, statement.args().get(i));
                }
                List<String> lines = new ArrayList<>();
                try (ResultSet rs = explain.executeQuery()) {
                    while (rs.next()) {
                        lines.add(rs.getString(1));
                    }
                }
                return String.join("\n", lines);
            }
        } finally {
            connection.rollback();
            connection.setAutoCommit(true);
        }
    }

    @Test
    @DisplayName("sort=DUE_ASC, next page included, is read in order from the due index: no sort of the table")
    void dueOrderUsesTheDueIndex() {
        String[] noScanOfTheTable = {"enable_seqscan = off", "enable_bitmapscan = off"};
        String firstPage = plan(CaseList.statement(search(null, Sort.DUE_ASC, null)), noScanOfTheTable);
        assertThat(firstPage).contains("Index Scan using complaint_summary_due").doesNotContain("Sort");
        String nextPage = plan(CaseList.statement(search(null, Sort.DUE_ASC,
                new Cursor(Sort.DUE_ASC, Instant.parse("2026-11-23T08:00:00Z"), "C-1"))), noScanOfTheTable);
        assertThat(nextPage).contains("Index Scan using complaint_summary_due").contains("Index Cond").doesNotContain("Sort");
        String pastTheDated = plan(CaseList.statement(search(null, Sort.DUE_ASC, new Cursor(Sort.DUE_ASC, null, "C-1"))),
                noScanOfTheTable);
        assertThat(pastTheDated).contains("Index Scan using complaint_summary_due").doesNotContain("Sort");
    }

    @Test
    @DisplayName("q= can be answered from the trigram index on the facts (pg_trgm, present in the embedded PostgreSQL)")
    void textUsesTheTrigramIndex() {
        assertThat(Engine.shared().jdbc().queryForObject(
                "select count(*) from pg_extension where extname = 'pg_trgm'", Long.class)).isEqualTo(1);
        String plan = plan(CaseList.statement(search("charged twice", Sort.RECEIVED_DESC, null)),
                "enable_seqscan = off", "enable_indexscan = off");
        assertThat(plan).contains("complaint_summary_facts_trgm");
    }
}
