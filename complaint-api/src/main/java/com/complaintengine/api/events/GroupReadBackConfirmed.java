package com.complaintengine.api.events;

import com.complaintengine.api.values.GroupComplaintId;
import org.axonframework.serialization.Revision;

/** The record was read back to a representative, who confirmed it. */
@Revision("1")
public record GroupReadBackConfirmed(GroupComplaintId groupId, String representative, String channel) {
}
