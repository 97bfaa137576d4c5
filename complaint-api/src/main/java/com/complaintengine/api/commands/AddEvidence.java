package com.complaintengine.api.commands;

import com.complaintengine.api.values.ComplaintId;
import com.complaintengine.api.values.EvidenceSource;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Attach a reference to evidence (003 §4): where it is kept and the SHA-256 of its content. */
public record AddEvidence(@TargetAggregateIdentifier ComplaintId complaintId,
                          EvidenceSource source,
                          String description,
                          String reference,
                          String contentHash) {
}
