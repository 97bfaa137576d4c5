package com.complaintengine.api.events;

import com.complaintengine.api.values.ComplaintId;
import com.complaintengine.api.values.Money;
import org.axonframework.serialization.Revision;

/** The decision authority (the event's operator) approved remedies up to {@code upTo} for this complaint. */
@Revision("1")
public record RemedyApproved(ComplaintId complaintId, Money upTo, String note) {
}
