package com.complaintengine.api.events;

import com.complaintengine.api.values.ComplaintId;
import com.complaintengine.api.values.CustomerConsent;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A deadline was moved with the customer's consent (001 §2.3); an agreed extension is not a breach. */
@Revision("1")
public record DeadlineExtended(ComplaintId complaintId,
                               String clock,
                               Instant newDueAt,
                               String reason,
                               CustomerConsent consent) {
}
