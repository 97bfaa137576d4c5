package com.complaintengine.api.commands;

import com.complaintengine.api.values.ComplaintId;
import com.complaintengine.api.values.Urgency;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Classify a received complaint by type, subtype and urgency; routing follows from the matrix. */
public record ClassifyComplaint(@TargetAggregateIdentifier ComplaintId complaintId,
                                String type,
                                String subtype,
                                Urgency urgency) {
}
