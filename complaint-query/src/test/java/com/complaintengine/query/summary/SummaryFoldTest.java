package com.complaintengine.query.summary;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintengine.api.events.ComplaintReceived;
import com.complaintengine.api.events.GroupIssueOpened;
import com.complaintengine.api.events.InitialPlanRecorded;
import com.complaintengine.api.events.SlaBreached;
import com.complaintengine.api.events.SlaClockMet;
import com.complaintengine.api.events.SlaClockStarted;
import com.complaintengine.api.values.Channel;
import com.complaintengine.api.values.ComplaintId;
import com.complaintengine.api.values.GroupComplaintId;
import com.complaintengine.api.values.SlaClock;
import com.complaintengine.api.values.SlaTimeBase;
import com.complaintengine.query.summary.ComplaintSummary.SlaState;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The one fold the projection and the asOf replay share. */
class SummaryFoldTest {

    private static final ComplaintId ID = ComplaintId.of("C-1");
    private static final Instant T0 = Instant.parse("2026-11-23T00:00:00Z");
    private static final ComplaintReceived RECEIVED = new ComplaintReceived(ID, Channel.HOTLINE, null, null, null,
            "facts", "fix", null, null, Set.of(), 1, null);

    @Test
    @DisplayName("a clock met after its breach stays counted as breached, with its breach instant")
    void breachIsKeptWhenMetLate() {
        ComplaintSummary s = SummaryFold.apply(null, RECEIVED, 0, T0);
        s = SummaryFold.apply(s, new SlaClockStarted(ID, SlaClock.RESOLUTION, T0, T0.plusSeconds(60),
                T0.plusSeconds(48), SlaTimeBase.CALENDAR, "v1"), 1, T0);
        s = SummaryFold.apply(s, new SlaBreached(ID, SlaClock.RESOLUTION, T0.plusSeconds(60), T0.plusSeconds(60)), 2,
                T0.plusSeconds(60));
        s = SummaryFold.apply(s, new SlaClockMet(ID, SlaClock.RESOLUTION, T0.plusSeconds(60), T0.plusSeconds(90)), 3,
                T0.plusSeconds(90));
        ComplaintSummary.SlaView clock = s.sla().get(SlaClock.RESOLUTION);
        assertThat(clock.state()).isEqualTo(SlaState.MET);
        assertThat(clock.breaches()).isEqualTo(1);
        assertThat(clock.breachedAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(clock.metAt()).isEqualTo(T0.plusSeconds(90));
        s = SummaryFold.apply(s, new SlaClockStarted(ID, SlaClock.RESOLUTION, T0, T0.plusSeconds(600),
                T0.plusSeconds(480), SlaTimeBase.CALENDAR, "v1"), 4, T0.plusSeconds(100));
        assertThat(s.sla().get(SlaClock.RESOLUTION).breaches()).as("a restarted clock keeps its count").isEqualTo(1);
        assertThat(ComplaintSummaryStore.slaState(s)).isEqualTo("RUNNING");
        assertThat(ComplaintSummaryStore.nextDue(s)).isEqualTo(T0.plusSeconds(600));
    }

    @Test
    @DisplayName("an event the summary shows nothing of moves the version; a replayed or foreign event changes nothing")
    void versionsAndForeignEvents() {
        ComplaintSummary s = SummaryFold.apply(null, RECEIVED, 0, T0);
        ComplaintSummary planned = SummaryFold.apply(s, new InitialPlanRecorded(ID, "plan"), 1, T0.plusSeconds(5));
        assertThat(planned.version()).isEqualTo(1);
        assertThat(planned.timeline().updatedAt()).isEqualTo(T0.plusSeconds(5));
        assertThat(SummaryFold.apply(planned, new InitialPlanRecorded(ID, "again"), 1, T0)).isSameAs(planned);
        assertThat(SummaryFold.apply(null, new InitialPlanRecorded(ID, "plan"), 1, T0)).isNull();
        assertThat(SummaryFold.apply(planned, RECEIVED, 0, T0)).isSameAs(planned);
        assertThat(SummaryFold.apply(null, new GroupIssueOpened(GroupComplaintId.of("G-1"), "i", "d", "C-1"), 0, T0))
                .isNull();
    }
}
