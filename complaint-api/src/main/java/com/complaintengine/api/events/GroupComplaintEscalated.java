package com.complaintengine.api.events;

import com.complaintengine.api.values.EscalationLevel;
import com.complaintengine.api.values.GroupComplaintId;
import java.util.List;
import org.axonframework.serialization.Revision;

/** A group complaint was escalated; automatic escalations name the rules that fired (e.g. group-size). */
@Revision("1")
public record GroupComplaintEscalated(GroupComplaintId groupId, EscalationLevel from, EscalationLevel to,
                                      String reason, String trigger, List<String> rules) {

    public GroupComplaintEscalated {
        rules = rules == null ? List.of() : List.copyOf(rules);
    }
}
