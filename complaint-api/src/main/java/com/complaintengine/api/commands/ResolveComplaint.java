package com.complaintengine.api.commands;

import com.complaintengine.api.values.ComplaintId;
import com.complaintengine.api.values.Money;
import com.complaintengine.api.values.RemedyType;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record how the complaint was resolved: the remedy, its amount when there is one, and a summary. */
public record ResolveComplaint(@TargetAggregateIdentifier ComplaintId complaintId,
                               RemedyType remedy,
                               Money amount,
                               String summary) {
}
