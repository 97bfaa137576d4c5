package com.complaintengine.api.events;

import com.complaintengine.api.values.ComplaintId;
import com.complaintengine.api.values.Money;
import com.complaintengine.api.values.RemedyType;
import org.axonframework.serialization.Revision;

/** A complaint was resolved with a remedy (003 §5); {@code amount} is null when the remedy has none. */
@Revision("1")
public record ComplaintResolved(ComplaintId complaintId,
                                RemedyType remedy,
                                Money amount,
                                String summary) {
}
