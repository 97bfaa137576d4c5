package com.complaintengine.api.events;

import com.complaintengine.api.values.ComplaintId;
import com.complaintengine.api.values.SlaClock;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** The configured share of a clock's time (80 % by default) has passed without the step it waits for. */
@Revision("1")
public record SlaAtRisk(ComplaintId complaintId, SlaClock clock, Instant dueAt) {
}
