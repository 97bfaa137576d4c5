package com.complaintengine.api.commands;

import com.complaintengine.api.values.ComplaintId;
import com.complaintengine.api.values.ErasureBasis;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Erase the personal data of one complaint, at the customer's request or at the end of its retention period. */
public record EraseCustomerData(@TargetAggregateIdentifier ComplaintId complaintId, ErasureBasis basis) {
}
