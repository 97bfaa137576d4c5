package com.complaintengine.api.commands;

import com.complaintengine.api.values.ComplaintId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record which offered option the customer chose. */
public record RecordRemedyChoice(@TargetAggregateIdentifier ComplaintId complaintId, String label) {
}
