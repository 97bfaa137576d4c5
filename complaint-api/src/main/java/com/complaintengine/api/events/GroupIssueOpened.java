package com.complaintengine.api.events;

import com.complaintengine.api.values.GroupComplaintId;
import org.axonframework.serialization.Revision;

/** One individual issue split from the group demand; {@code complaintId} links an individual complaint, if any. */
@Revision("1")
public record GroupIssueOpened(GroupComplaintId groupId, String issueId, String description, String complaintId) {
}
