package com.complaintengine.api.commands;

import com.complaintengine.api.values.Channel;
import com.complaintengine.api.values.ComplaintId;
import com.complaintengine.api.values.Customer;
import com.complaintengine.api.values.Demand;
import com.complaintengine.api.values.SpecialCircumstance;
import com.complaintengine.api.values.SuggestedClassification;
import java.time.Instant;
import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Record a new complaint with the intake elements of 001 §2.1 / 003 §2. */
public record ReceiveComplaint(@TargetAggregateIdentifier ComplaintId complaintId,
                               Channel channel,
                               String channelDetail,
                               Customer customer,
                               Instant occurredAt,
                               String facts,
                               String expectation,
                               Demand demand,
                               String emotion,
                               Set<SpecialCircumstance> specialCircumstances,
                               int affectedCount,
                               SuggestedClassification suggestedClassification) {

    public ReceiveComplaint {
        specialCircumstances = specialCircumstances == null ? Set.of() : Set.copyOf(specialCircumstances);
    }
}
