package com.complaintengine.api.events;

import com.complaintengine.api.values.ComplaintId;
import com.complaintengine.api.values.SlaClock;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A running clock got a new due instant: recomputed after a reclassification to another urgency, or moved
 * by an extension agreed with the customer (which is not a breach). {@code reason} says which.
 */
@Revision("1")
public record SlaClockRescheduled(ComplaintId complaintId, SlaClock clock, Instant previousDueAt, Instant dueAt,
                                  Instant atRiskAt, String reason, String policyVersion) {
}
