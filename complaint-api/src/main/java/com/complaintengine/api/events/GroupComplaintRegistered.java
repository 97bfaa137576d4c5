package com.complaintengine.api.events;

import com.complaintengine.api.values.Channel;
import com.complaintengine.api.values.GroupComplaintId;
import com.complaintengine.api.values.Representative;
import com.complaintengine.api.values.SpecialCircumstance;
import java.util.List;
import java.util.Set;
import org.axonframework.serialization.Revision;

/** A group complaint was recorded with the five elements of 002 §1.2. */
@Revision("1")
public record GroupComplaintRegistered(GroupComplaintId groupId,
                                       List<Representative> representatives,
                                       String coreDemand,
                                       int headcount,
                                       String scope,
                                       Channel channel,
                                       String channelDetail,
                                       Set<SpecialCircumstance> specialCircumstances) {

    public GroupComplaintRegistered {
        representatives = representatives == null ? List.of() : List.copyOf(representatives);
        specialCircumstances = specialCircumstances == null ? Set.of() : Set.copyOf(specialCircumstances);
    }
}
