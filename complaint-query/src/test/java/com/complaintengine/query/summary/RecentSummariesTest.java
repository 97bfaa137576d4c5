package com.complaintengine.query.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.complaintengine.api.events.ComplaintReceived;
import com.complaintengine.api.values.Channel;
import com.complaintengine.api.values.ComplaintId;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Issue 9: the summaries a node wrote last, used only for the event that directly follows them. */
class RecentSummariesTest {

    private static final Instant T0 = Instant.parse("2026-12-04T08:00:00Z");

    @Test
    @DisplayName("a remembered summary serves only the event right after it: an older, the same or a later sequence reads the row")
    void onlyTheDirectSuccessorUsesIt() {
        RecentSummaries recent = new RecentSummaries(10);
        ComplaintSummary atThree = summary("C-1", 3);
        recent.remember(List.of(atThree));

        assertThat(recent.before("C-1", 4)).isSameAs(atThree);
        assertThat(recent.before("C-1", 3)).as("a redelivered event").isNull();
        assertThat(recent.before("C-1", 6)).as("events 4 and 5 were handled elsewhere").isNull();
        assertThat(recent.before("C-2", 4)).isNull();
    }

    @Test
    @DisplayName("at most the configured number are kept, the least recently used leaving first; 0 keeps none")
    void boundedLeastRecentlyUsed() {
        RecentSummaries recent = new RecentSummaries(2);
        recent.remember(List.of(summary("C-1", 0), summary("C-2", 0)));
        assertThat(recent.before("C-1", 1)).isNotNull(); // C-1 used: C-2 is now the least recently used
        recent.remember(List.of(summary("C-3", 0)));

        assertThat(recent.size()).isEqualTo(2);
        assertThat(recent.before("C-2", 1)).isNull();
        assertThat(recent.before("C-1", 1)).isNotNull();
        assertThat(recent.before("C-3", 1)).isNotNull();

        RecentSummaries none = new RecentSummaries(0);
        none.remember(List.of(summary("C-1", 0)));
        assertThat(none.size()).isZero();
        assertThatThrownBy(() -> new RecentSummaries(-1)).hasMessageContaining("complaint.projections.summary-cache");
    }

    @Test
    @DisplayName("clear forgets every summary")
    void clearForgets() {
        RecentSummaries recent = new RecentSummaries(10);
        recent.remember(List.of(summary("C-1", 0)));
        recent.clear();
        assertThat(recent.size()).isZero();
        assertThat(recent.before("C-1", 1)).isNull();
    }

    private static ComplaintSummary summary(String id, long version) {
        ComplaintSummary summary = SummaryFold.apply(null, new ComplaintReceived(ComplaintId.of(id), Channel.HOTLINE,
                null, null, null, "facts", "fix", null, null, Set.of(), 1, null), 0, T0);
        for (long sequence = 1; sequence <= version; sequence++) {
            summary = summary.touched(sequence, T0.plusSeconds(sequence));
        }
        return summary;
    }
}
