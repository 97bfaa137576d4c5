package com.complaintengine.api.values;

/** What the agent did with the suggested classification. */
public enum SuggestionOutcome {
    ACCEPTED,
    OVERRIDDEN
}
