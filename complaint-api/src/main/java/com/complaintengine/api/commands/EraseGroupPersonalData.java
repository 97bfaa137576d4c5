package com.complaintengine.api.commands;

import com.complaintengine.api.values.ErasureBasis;
import com.complaintengine.api.values.GroupComplaintId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Erase the personal data of one group complaint (its representatives, members and free texts). */
public record EraseGroupPersonalData(@TargetAggregateIdentifier GroupComplaintId groupId, ErasureBasis basis) {
}
