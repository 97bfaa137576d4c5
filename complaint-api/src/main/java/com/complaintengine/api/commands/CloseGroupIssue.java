package com.complaintengine.api.commands;

import com.complaintengine.api.values.GroupComplaintId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Close one individual issue of a group complaint with how it was resolved. */
public record CloseGroupIssue(@TargetAggregateIdentifier GroupComplaintId groupId, String issueId, String resolution) {
}
