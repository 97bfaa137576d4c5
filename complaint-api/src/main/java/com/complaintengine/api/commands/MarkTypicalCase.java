package com.complaintengine.api.commands;

import com.complaintengine.api.values.ComplaintId;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Put a resolved complaint into the case library (004 §5 "典型案例库") as a typical case: the scenario it
 * stands for, the wording that worked with the customer, and search tags. Marking it again replaces the text.
 */
public record MarkTypicalCase(@TargetAggregateIdentifier ComplaintId complaintId, String scenario, String wording,
                              List<String> tags) {

    public MarkTypicalCase {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
