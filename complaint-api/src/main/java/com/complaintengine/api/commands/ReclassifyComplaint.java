package com.complaintengine.api.commands;

import com.complaintengine.api.values.ComplaintId;
import com.complaintengine.api.values.Urgency;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Change an existing classification; a reason is required so the history explains the change. */
public record ReclassifyComplaint(@TargetAggregateIdentifier ComplaintId complaintId,
                                  String type,
                                  String subtype,
                                  Urgency urgency,
                                  boolean personalSafety,
                                  String reason) {
}
