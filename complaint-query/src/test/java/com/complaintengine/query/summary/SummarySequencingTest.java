package com.complaintengine.query.summary;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintengine.api.events.GroupIssueOpened;
import com.complaintengine.api.values.GroupComplaintId;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Issue 9: a complaint's link to a group case is handled in order with the complaint's own events. */
class SummarySequencingTest {

    @Test
    @DisplayName("a group issue naming a complaint is sequenced by that complaint, like the complaint's own events")
    void groupLinkFollowsTheComplaint() {
        var complaintEvent = new GenericDomainEventMessage<>("Complaint", "c-1", 0, "any payload");
        var link = new GenericDomainEventMessage<>("GroupComplaint", "g-1", 3,
                new GroupIssueOpened(GroupComplaintId.of("g-1"), "i-1", "no hot water", "c-1"));

        assertThat(ComplaintSummaryProjection.SEQUENCING.getSequenceIdentifierFor(link))
                .isEqualTo(ComplaintSummaryProjection.SEQUENCING.getSequenceIdentifierFor(complaintEvent))
                .isEqualTo("c-1");
    }

    @Test
    @DisplayName("a group issue without a complaint, and every other event, stays with its own aggregate")
    void otherEventsFollowTheirAggregate() {
        var unlinked = new GenericDomainEventMessage<>("GroupComplaint", "g-1", 4,
                new GroupIssueOpened(GroupComplaintId.of("g-1"), "i-2", "no hot water", " "));
        var groupEvent = new GenericDomainEventMessage<>("GroupComplaint", "g-1", 5, "any payload");

        assertThat(ComplaintSummaryProjection.SEQUENCING.getSequenceIdentifierFor(unlinked)).isEqualTo("g-1");
        assertThat(ComplaintSummaryProjection.SEQUENCING.getSequenceIdentifierFor(groupEvent)).isEqualTo("g-1");
    }
}
