package com.complaintengine.api.events;

import com.complaintengine.api.values.ComplaintId;
import com.complaintengine.api.values.EscalationLevel;
import org.axonframework.serialization.Revision;

/**
 * A complaint was raised from one escalation level to a higher one ({@code from} is null for the first
 * escalation). {@code trigger} says what caused it: {@code MANUAL}, or the name of an automatic rule.
 */
@Revision("1")
public record ComplaintEscalated(ComplaintId complaintId,
                                 EscalationLevel from,
                                 EscalationLevel to,
                                 String reason,
                                 String trigger) {
}
