package com.complaintengine.api.values;

/** Keys of the metadata every complaint event carries: who did the step, and when. */
public final class MetaDataKeys {

    /** The operator who performed the step (an agent, handler, or "system" for automatic steps). */
    public static final String OPERATOR = "operator";
    /** The role the operator acted in (AGENT, HANDLER, SUPERVISOR, …), when known. */
    public static final String OPERATOR_ROLE = "operatorRole";
    /** The instant of the step, ISO-8601, from the server's clock. */
    public static final String OCCURRED_AT = "occurredAt";

    private MetaDataKeys() {
    }
}
