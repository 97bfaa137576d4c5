package com.complaintengine.api.commands;

import com.complaintengine.api.values.ComplaintId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Archive a resolved complaint (001 §2.4); an optional note for the archive record. */
public record ArchiveComplaint(@TargetAggregateIdentifier ComplaintId complaintId, String note) {
}
