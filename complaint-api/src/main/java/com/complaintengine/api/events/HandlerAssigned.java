package com.complaintengine.api.events;

import com.complaintengine.api.values.ComplaintId;
import org.axonframework.serialization.Revision;

/** The complaint was assigned to a handler; {@code previousHandler} is null for the first assignment. */
@Revision("1")
public record HandlerAssigned(ComplaintId complaintId, String handler, String department, String previousHandler) {
}
