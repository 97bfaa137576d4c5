package com.complaintengine.query.search;

import com.complaintengine.api.values.Channel;
import com.complaintengine.api.values.ComplaintStatus;
import com.complaintengine.api.values.EscalationLevel;
import com.complaintengine.api.values.Urgency;
import com.complaintengine.query.summary.ComplaintSummary.SlaState;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * One search of the case list: every filter is optional and they combine with AND; values within one filter
 * combine with OR. {@code text} is matched case-insensitively within the facts. {@code after} is the cursor of
 * the previous page.
 */
public record CaseSearch(Set<ComplaintStatus> statuses, Set<Urgency> urgencies, List<String> types,
                         List<String> subtypes, Set<Channel> channels, List<String> departments, List<String> handlers,
                         Set<EscalationLevel> escalationLevels, Set<SlaState> slaStates, Scope scope,
                         Instant receivedFrom, Instant receivedTo, String text, Sort sort, int limit, Cursor after) {

    /** Individual complaints, or those that are part of a group case or affect several people (002). */
    public enum Scope { ALL, INDIVIDUAL, GROUP }

    /** The orders the list can be read in; each is made total by the complaint id as a tie-breaker. */
    public enum Sort {
        RECEIVED_DESC("received_at", false), RECEIVED_ASC("received_at", true),
        UPDATED_DESC("updated_at", false), UPDATED_ASC("updated_at", true),
        // Exactly the expression of the index complaint_summary_due (V9): the planner uses it only when they match.
        DUE_ASC("coalesce(next_due_at, 'infinity'::timestamptz)", true);

        final String column;
        final boolean ascending;

        Sort(String column, boolean ascending) {
            this.column = column;
            this.ascending = ascending;
        }
    }

    /** Where a page ended: the sort value and id of its last row. */
    public record Cursor(Sort sort, Instant value, String complaintId) {
    }
}
