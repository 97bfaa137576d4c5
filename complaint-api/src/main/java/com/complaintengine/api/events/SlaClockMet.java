package com.complaintengine.api.events;

import com.complaintengine.api.values.ComplaintId;
import com.complaintengine.api.values.SlaClock;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A time limit was met: the step it waited for happened at {@code metAt}, against {@code dueAt}. */
@Revision("1")
public record SlaClockMet(ComplaintId complaintId, SlaClock clock, Instant dueAt, Instant metAt) {
}
