package com.complaintengine.api.events;

import com.complaintengine.api.values.GroupComplaintId;
import java.util.List;
import org.axonframework.serialization.Revision;

/** The "1+3+N" task force of a group complaint was formed (002 §2.1). */
@Revision("1")
public record GroupTaskForceFormed(GroupComplaintId groupId, String leader, List<String> coreMembers,
                                   List<String> helpers) {

    public GroupTaskForceFormed {
        coreMembers = coreMembers == null ? List.of() : List.copyOf(coreMembers);
        helpers = helpers == null ? List.of() : List.copyOf(helpers);
    }
}
