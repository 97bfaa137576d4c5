package com.complaintengine.api.commands;

import com.complaintengine.api.values.ComplaintId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Record the customer's answer to the resolution (001 §2.3, 003 §6): satisfied, or concerns remain (which
 * reopens the complaint). The 1–5 score is optional and never required.
 */
public record ConfirmOutcome(@TargetAggregateIdentifier ComplaintId complaintId,
                             boolean satisfied,
                             Integer score,
                             String channel,
                             String comment) {
}
