package com.complaintengine.api.commands;

import com.complaintengine.api.values.GroupComplaintId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** One member checked to cross-verify the group's claim (002: verify 3–5), with the finding. */
public record RecordVerificationSample(@TargetAggregateIdentifier GroupComplaintId groupId, String member,
                                       String finding, boolean claimHeld) {
}
