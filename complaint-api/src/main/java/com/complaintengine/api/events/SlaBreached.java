package com.complaintengine.api.events;

import com.complaintengine.api.values.ComplaintId;
import com.complaintengine.api.values.SlaClock;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A time limit passed without the step it waited for (001: a breach escalates); recorded at {@code breachedAt}. */
@Revision("1")
public record SlaBreached(ComplaintId complaintId, SlaClock clock, Instant dueAt, Instant breachedAt) {
}
