package com.complaintengine.api.events;

import com.complaintengine.api.values.GroupComplaintId;
import org.axonframework.serialization.Revision;

/** Every issue of the group complaint is closed and its claims were verified: the group is closed. */
@Revision("1")
public record GroupComplaintClosed(GroupComplaintId groupId, String summary) {
}
