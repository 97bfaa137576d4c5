package com.complaintengine.api.events;

import com.complaintengine.api.values.ComplaintId;
import com.complaintengine.api.values.EscalationLevel;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A complaint was raised from one escalation level to a higher one ({@code from} is null for the first
 * escalation). {@code trigger} is {@code MANUAL} or {@code AUTOMATIC}; an automatic escalation names the
 * rules that fired (e.g. {@code group-size}, {@code large-claim}).
 */
@Revision("1")
public record ComplaintEscalated(ComplaintId complaintId,
                                 EscalationLevel from,
                                 EscalationLevel to,
                                 String reason,
                                 String trigger,
                                 List<String> rules) {

    public static final String MANUAL = "MANUAL";
    public static final String AUTOMATIC = "AUTOMATIC";

    public ComplaintEscalated {
        rules = rules == null ? List.of() : List.copyOf(rules);
    }
}
