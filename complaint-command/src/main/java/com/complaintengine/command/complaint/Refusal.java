package com.complaintengine.command.complaint;

/**
 * The named reasons a complaint refuses a command. {@code code} is the machine-readable code of the
 * problem answer; a {@link Kind#CONFLICT} is a transition the lifecycle does not allow in the current
 * state (409), a {@link Kind#RULE} is a business rule the input breaks (422).
 */
public enum Refusal {
    OPERATOR_REQUIRED("operator-required", Kind.RULE, "every step needs an operator"),
    ALREADY_CLASSIFIED("already-classified", Kind.CONFLICT,
            "the complaint is already classified; change it with a reclassification and a reason"),
    NOT_CLASSIFIED("not-classified", Kind.CONFLICT, "the complaint has not been classified yet"),
    RECLASSIFICATION_REASON_REQUIRED("reclassification-reason-required", Kind.RULE,
            "a reclassification needs a reason"),
    RECLASSIFICATION_UNCHANGED("reclassification-unchanged", Kind.RULE,
            "the new classification is the same as the current one"),
    ALREADY_ACKNOWLEDGED("already-acknowledged", Kind.CONFLICT, "the customer already had the first response"),
    NOT_ACKNOWLEDGED("not-acknowledged", Kind.CONFLICT,
            "the customer has not had the first response (acknowledgement) yet"),
    NOT_AN_ESCALATION("not-an-escalation", Kind.CONFLICT,
            "the complaint is already at this escalation level or above"),
    ALREADY_RESOLVED("already-resolved", Kind.CONFLICT, "the complaint is already resolved"),
    NOT_RESOLVED("not-resolved", Kind.CONFLICT, "only a resolved complaint can be archived"),
    ARCHIVED("archived", Kind.CONFLICT, "the complaint is archived; an archived complaint does not change"),
    AMOUNT_REQUIRED("amount-required", Kind.RULE, "a refund or compensation needs an amount"),
    AFFECTED_COUNT_POSITIVE("affected-count-positive", Kind.RULE, "at least one person is affected");

    /** Whether the refusal is a lifecycle conflict or a broken business rule. */
    public enum Kind { CONFLICT, RULE }

    private final String code;
    private final Kind kind;
    private final String reason;

    Refusal(String code, Kind kind, String reason) {
        this.code = code;
        this.kind = kind;
        this.reason = reason;
    }

    public String code() {
        return code;
    }

    public Kind kind() {
        return kind;
    }

    public String reason() {
        return reason;
    }
}
