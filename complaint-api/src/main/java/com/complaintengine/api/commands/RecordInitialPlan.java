package com.complaintengine.api.commands;

import com.complaintengine.api.values.ComplaintId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The department head's initial plan for a MAJOR complaint (001: within 2 h). */
public record RecordInitialPlan(@TargetAggregateIdentifier ComplaintId complaintId, String plan) {
}
