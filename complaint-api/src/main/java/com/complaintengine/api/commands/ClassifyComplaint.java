package com.complaintengine.api.commands;

import com.complaintengine.api.values.ComplaintId;
import com.complaintengine.api.values.Urgency;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Classify a received complaint by type, subtype and urgency; routing follows from the matrix.
 * {@code personalSafety} marks that someone was or may be hurt, which is always URGENT (004).
 */
public record ClassifyComplaint(@TargetAggregateIdentifier ComplaintId complaintId,
                                String type,
                                String subtype,
                                Urgency urgency,
                                boolean personalSafety) {
}
