package com.complaintengine.api.commands;

import com.complaintengine.api.values.ComplaintId;
import com.complaintengine.api.values.EscalationLevel;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Raise a complaint to a higher escalation level, with the reason. */
public record EscalateComplaint(@TargetAggregateIdentifier ComplaintId complaintId,
                                EscalationLevel level,
                                String reason) {
}
