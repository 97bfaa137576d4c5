package com.complaintengine.api.values;

/** Keys of the metadata every complaint event carries: who did the step, and when. */
public final class MetaDataKeys {

    /** The operator who performed the step (an agent, handler, or "system" for automatic steps). */
    public static final String OPERATOR = "operator";
    /** The role the operator acted in (AGENT, HANDLER, SUPERVISOR, …), when known. */
    public static final String OPERATOR_ROLE = "operatorRole";
    /** The department of the operator, when they belong to one (a handler's department). */
    public static final String OPERATOR_DEPARTMENT = "operatorDepartment";
    /**
     * On a command only, never on an event: the department a department-scoped operator (a handler) is limited
     * to; the complaint answers as unknown when it is not routed to that department.
     */
    public static final String DEPARTMENT_SCOPE = "departmentScope";
    /** The instant of the step, ISO-8601, from the server's clock. */
    public static final String OCCURRED_AT = "occurredAt";

    private MetaDataKeys() {
    }
}
