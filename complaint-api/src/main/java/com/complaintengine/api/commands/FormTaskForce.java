package com.complaintengine.api.commands;

import com.complaintengine.api.values.ComplaintId;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Form the "1+3+N" task force of a CRITICAL complaint (000, 002 §2.1): a leader, core members, helpers. */
public record FormTaskForce(@TargetAggregateIdentifier ComplaintId complaintId,
                            String leader,
                            List<String> coreMembers,
                            List<String> helpers) {

    public FormTaskForce {
        coreMembers = coreMembers == null ? List.of() : List.copyOf(coreMembers);
        helpers = helpers == null ? List.of() : List.copyOf(helpers);
    }
}
