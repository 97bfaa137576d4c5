package com.complaintengine.api.commands;

import com.complaintengine.api.values.ComplaintId;
import com.complaintengine.api.values.CustomerConsent;
import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Move a deadline that cannot be met (001 §2.3): the customer was told the reason in advance and agreed
 * to the new deadline; without the recorded consent there is no extension.
 */
public record ExtendDeadline(@TargetAggregateIdentifier ComplaintId complaintId,
                             String clock,
                             Instant newDueAt,
                             String reason,
                             CustomerConsent consent) {
}
