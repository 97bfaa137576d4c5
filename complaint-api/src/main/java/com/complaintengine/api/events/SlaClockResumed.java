package com.complaintengine.api.events;

import com.complaintengine.api.values.ComplaintId;
import com.complaintengine.api.values.SlaClock;
import java.time.Duration;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A paused clock runs again; its due instant moved by the time it was paused, counted in the clock's own time
 * base ({@code pausedFor}). {@code automatic} is true when the maximum pause ran out.
 */
@Revision("1")
public record SlaClockResumed(ComplaintId complaintId, SlaClock clock, Instant resumedAt, Duration pausedFor,
                              Instant dueAt, Instant atRiskAt, boolean automatic, String note) {
}
