package com.complaintengine.api.commands;

import com.complaintengine.api.values.ComplaintId;
import com.complaintengine.api.values.WaitingOn;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Pause the resolution clock while the case waits on the customer or a third party for something named
 * (supplementary evidence, a site-visit date). The first-response clock never pauses.
 */
public record PauseResolutionClock(@TargetAggregateIdentifier ComplaintId complaintId, WaitingOn waitingOn,
                                   String waitingFor) {
}
