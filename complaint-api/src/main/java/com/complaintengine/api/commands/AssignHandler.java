package com.complaintengine.api.commands;

import com.complaintengine.api.values.ComplaintId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Assign (or reassign) the complaint to a handler of a department. */
public record AssignHandler(@TargetAggregateIdentifier ComplaintId complaintId, String handler, String department) {
}
