package com.complaintengine.api.events;

import com.complaintengine.api.values.ComplaintId;
import com.complaintengine.api.values.SlaClock;
import org.axonframework.serialization.Revision;

/** A clock stopped without being met or breached because what it waited for no longer applies (e.g. resolved). */
@Revision("1")
public record SlaClockStopped(ComplaintId complaintId, SlaClock clock, String reason) {
}
