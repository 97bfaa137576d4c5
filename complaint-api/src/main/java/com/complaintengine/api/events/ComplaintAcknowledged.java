package com.complaintengine.api.events;

import com.complaintengine.api.values.ComplaintId;
import org.axonframework.serialization.Revision;

/** The customer got the first response: over which channel, what was said and what was promised. */
@Revision("1")
public record ComplaintAcknowledged(ComplaintId complaintId,
                                    String channel,
                                    String message,
                                    String promise) {
}
