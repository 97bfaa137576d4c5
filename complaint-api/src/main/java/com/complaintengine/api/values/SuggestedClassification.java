package com.complaintengine.api.values;

import java.util.List;

/**
 * The classification the engine suggested from the complaint text (004 §3), with the reasons in words
 * (which keywords led to it), so the agent and the auditor can see why.
 */
public record SuggestedClassification(String type, String subtype, Urgency urgency, List<String> reasons) {

    public SuggestedClassification {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }
}
