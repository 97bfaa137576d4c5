package com.complaintengine.api.commands;

import com.complaintengine.api.values.GroupComplaintId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Split the group demand into one individual issue, tracked to closure; may link an individual complaint. */
public record OpenGroupIssue(@TargetAggregateIdentifier GroupComplaintId groupId, String issueId, String description,
                             String complaintId) {
}
