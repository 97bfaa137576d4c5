package com.complaintengine.api.events;

import com.complaintengine.api.values.ComplaintId;
import java.util.List;
import org.axonframework.serialization.Revision;

/** The task force of a CRITICAL complaint was formed: one leader, the core members, the helpers. */
@Revision("1")
public record TaskForceFormed(ComplaintId complaintId, String leader, List<String> coreMembers, List<String> helpers) {

    public TaskForceFormed {
        coreMembers = coreMembers == null ? List.of() : List.copyOf(coreMembers);
        helpers = helpers == null ? List.of() : List.copyOf(helpers);
    }
}
