package com.complaintengine.api.events;

import com.complaintengine.api.values.CommunicationDirection;
import com.complaintengine.api.values.ComplaintId;
import org.axonframework.serialization.Revision;

/** A communication about the complaint was logged; {@code TO_CUSTOMER} is a progress update (003 §6). */
@Revision("1")
public record CommunicationRecorded(ComplaintId complaintId,
                                    CommunicationDirection direction,
                                    String channel,
                                    String content) {
}
