package com.complaintengine.api.commands;

import com.complaintengine.api.values.Channel;
import com.complaintengine.api.values.GroupComplaintId;
import com.complaintengine.api.values.Representative;
import com.complaintengine.api.values.SpecialCircumstance;
import java.util.List;
import java.util.Set;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Record a group complaint with the five elements of 002 §1.2: representatives, the core demand, the
 * number of people and scope, the channel, and special circumstances.
 */
public record RegisterGroupComplaint(@TargetAggregateIdentifier GroupComplaintId groupId,
                                     List<Representative> representatives,
                                     String coreDemand,
                                     int headcount,
                                     String scope,
                                     Channel channel,
                                     String channelDetail,
                                     Set<SpecialCircumstance> specialCircumstances) {

    public RegisterGroupComplaint {
        representatives = representatives == null ? List.of() : List.copyOf(representatives);
        specialCircumstances = specialCircumstances == null ? Set.of() : Set.copyOf(specialCircumstances);
    }
}
