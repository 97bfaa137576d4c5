package com.complaintengine.api.commands;

import com.complaintengine.api.values.ComplaintId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record the first response to the customer: how it was given, what was said, what was promised. */
public record AcknowledgeComplaint(@TargetAggregateIdentifier ComplaintId complaintId,
                                   String channel,
                                   String message,
                                   String promise) {
}
