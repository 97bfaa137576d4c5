package com.complaintengine.api.events;

import com.complaintengine.api.values.ComplaintId;
import com.complaintengine.api.values.SlaClock;
import com.complaintengine.api.values.WaitingOn;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A clock paused while the case waits on someone for something named; it resumes by itself at {@code resumeBy}. */
@Revision("1")
public record SlaClockPaused(ComplaintId complaintId, SlaClock clock, WaitingOn waitingOn, String waitingFor,
                             Instant pausedAt, Instant resumeBy) {
}
