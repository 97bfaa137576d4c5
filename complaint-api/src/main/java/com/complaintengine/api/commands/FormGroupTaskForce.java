package com.complaintengine.api.commands;

import com.complaintengine.api.values.GroupComplaintId;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The "1+3+N" task force of a group complaint (002 §2.1). */
public record FormGroupTaskForce(@TargetAggregateIdentifier GroupComplaintId groupId, String leader,
                                 List<String> coreMembers, List<String> helpers) {

    public FormGroupTaskForce {
        coreMembers = coreMembers == null ? List.of() : List.copyOf(coreMembers);
        helpers = helpers == null ? List.of() : List.copyOf(helpers);
    }
}
