package com.complaintengine.api.commands;

import com.complaintengine.api.values.ComplaintId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Resume the paused resolution clock: what the case waited for has arrived. */
public record ResumeResolutionClock(@TargetAggregateIdentifier ComplaintId complaintId, String note) {
}
