package com.complaintengine.api.events;

import com.complaintengine.api.values.ComplaintId;
import org.axonframework.serialization.Revision;

/** The customer answered the resolution: satisfied or not, with an optional 1–5 score (001 §2.3). */
@Revision("1")
public record OutcomeConfirmed(ComplaintId complaintId,
                               boolean satisfied,
                               Integer score,
                               String channel,
                               String comment) {
}
