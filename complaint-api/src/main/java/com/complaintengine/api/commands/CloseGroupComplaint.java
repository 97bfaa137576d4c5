package com.complaintengine.api.commands;

import com.complaintengine.api.values.GroupComplaintId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Close the group complaint: only when every issue is closed and the claims were verified. */
public record CloseGroupComplaint(@TargetAggregateIdentifier GroupComplaintId groupId, String summary) {
}
