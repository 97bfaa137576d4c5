package com.complaintengine.api.events;

import com.complaintengine.api.values.GroupComplaintId;
import org.axonframework.serialization.Revision;

/** One member was checked to verify the group's claim, with the finding and whether the claim held. */
@Revision("1")
public record VerificationSampleRecorded(GroupComplaintId groupId, String member, String finding, boolean claimHeld) {
}
