package com.complaintengine.api.commands;

import com.complaintengine.api.values.ComplaintId;
import com.complaintengine.api.values.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The decision authority approves remedies up to an amount beyond the handler's authority (003 §5, 000 §2.2). */
public record ApproveRemedy(@TargetAggregateIdentifier ComplaintId complaintId, Money upTo, String note) {
}
