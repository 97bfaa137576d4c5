package com.complaintengine.api.events;

import com.complaintengine.api.values.GroupComplaintId;
import org.axonframework.serialization.Revision;

/** One individual issue of the group was closed. */
@Revision("1")
public record GroupIssueClosed(GroupComplaintId groupId, String issueId, String resolution) {
}
