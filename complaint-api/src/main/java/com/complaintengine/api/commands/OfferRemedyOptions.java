package com.complaintengine.api.commands;

import com.complaintengine.api.values.ComplaintId;
import com.complaintengine.api.values.RemedyOption;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Offer the customer tiered remedy options to choose from when the facts are disputed (003 §5). */
public record OfferRemedyOptions(@TargetAggregateIdentifier ComplaintId complaintId, List<RemedyOption> options) {

    public OfferRemedyOptions {
        options = options == null ? List.of() : List.copyOf(options);
    }
}
