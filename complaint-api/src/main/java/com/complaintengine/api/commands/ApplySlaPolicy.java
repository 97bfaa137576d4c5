package com.complaintengine.api.commands;

import com.complaintengine.api.values.ComplaintId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Recompute the complaint's running clocks under the current SLA policy, published as applying to running cases. */
public record ApplySlaPolicy(@TargetAggregateIdentifier ComplaintId complaintId) {
}
