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
    TYPICAL_CASE_NOT_RESOLVED("not-resolved", Kind.CONFLICT,
            "only a resolved complaint can become a typical case of the case library"),
    ARCHIVED("archived", Kind.CONFLICT, "the complaint is archived; an archived complaint does not change"),
    AMOUNT_REQUIRED("amount-required", Kind.RULE, "a refund or compensation needs an amount"),
    AFFECTED_COUNT_POSITIVE("affected-count-positive", Kind.RULE, "at least one person is affected"),
    PERSONAL_SAFETY_IS_URGENT("personal-safety-is-urgent", Kind.RULE,
            "a complaint about personal safety is always URGENT (004)"),
    ALREADY_ASSIGNED("already-assigned", Kind.RULE, "the complaint is already assigned to this handler"),
    EXTENSION_REASON_REQUIRED("extension-reason-required", Kind.RULE,
            "an extension needs the reason the customer was told (001 §2.3)"),
    CUSTOMER_CONSENT_REQUIRED("customer-consent-required", Kind.RULE,
            "an extension needs the customer's recorded consent: channel and time (001 §2.3)"),
    EXTENSION_NOT_IN_FUTURE("extension-not-in-future", Kind.RULE, "the new deadline must lie in the future"),
    ALREADY_CONFIRMED("already-confirmed", Kind.CONFLICT, "the customer already confirmed the outcome"),
    SCORE_OUT_OF_RANGE("score-out-of-range", Kind.RULE, "a satisfaction score is between 1 and 5"),
    CONTENT_HASH_INVALID("content-hash-invalid", Kind.RULE,
            "evidence needs the SHA-256 of its content as 64 hexadecimal characters"),
    TASK_FORCE_NEEDS_CRITICAL("task-force-needs-critical", Kind.CONFLICT,
            "a task force is formed for a CRITICAL complaint (000)"),
    TASK_FORCE_INCOMPLETE("task-force-incomplete", Kind.RULE,
            "a task force has one leader and at least 3 core members: customer service, the business unit, legal (002 §2.1)"),
    TASK_FORCE_EXISTS("task-force-exists", Kind.CONFLICT, "the task force of this complaint is already formed"),
    APPROVAL_REQUIRED("approval-required", Kind.RULE,
            "the amount is above the handler's authority; the decision authority must approve it first (003 §5)"),
    OPTIONS_REQUIRED("options-required", Kind.RULE, "an offer has between 1 and the configured maximum of options"),
    OPTION_LABELS_UNIQUE("option-labels-unique", Kind.RULE, "each offered option needs its own label"),
    NO_SUCH_OPTION("no-such-option", Kind.RULE, "the customer can only choose one of the options offered"),
    NOTHING_OFFERED("nothing-offered", Kind.CONFLICT, "no remedy options have been offered"),
    REMEDY_DIFFERS_FROM_CHOICE("remedy-differs-from-choice", Kind.RULE,
            "the resolution must give the remedy and amount of the option the customer chose"),
    HEADCOUNT_AT_LEAST_TWO("headcount-at-least-two", Kind.RULE, "a group complaint concerns at least 2 people"),
    REPRESENTATIVES_REQUIRED("representatives-required", Kind.RULE,
            "a group of more than 10 people chooses 3 to 5 representatives (002)"),
    TOO_MANY_REPRESENTATIVES("too-many-representatives", Kind.RULE, "a group has at most 5 representatives (002)"),
    NOT_A_REPRESENTATIVE("not-a-representative", Kind.RULE, "the record is read back to one of the group's representatives"),
    READ_BACK_REQUIRED("read-back-required", Kind.CONFLICT,
            "the record must be read back to a representative and confirmed first (002)"),
    SAMPLES_COMPLETE("samples-complete", Kind.CONFLICT, "the verification already has the maximum number of samples"),
    ISSUE_EXISTS("issue-exists", Kind.CONFLICT, "an issue with this id is already open"),
    UNKNOWN_ISSUE("unknown-issue", Kind.RULE, "the group complaint has no issue with this id"),
    ISSUE_CLOSED("issue-closed", Kind.CONFLICT, "the issue is already closed"),
    NO_ISSUES("no-issues", Kind.CONFLICT, "split the group demand into individual issues before closing"),
    OPEN_ISSUES_REMAIN("open-issues-remain", Kind.CONFLICT, "the group closes only when every issue is closed"),
    VERIFICATION_INCOMPLETE("verification-incomplete", Kind.CONFLICT,
            "the group's claims need the minimum number of verification samples first (002: 3 to 5)"),
    GROUP_CLOSED("group-closed", Kind.CONFLICT, "the group complaint is closed"),
    NOT_PAUSABLE("not-pausable", Kind.CONFLICT, "only a running resolution clock can be paused"),
    NOT_PAUSED("not-paused", Kind.CONFLICT, "the resolution clock is not paused"),
    POLICY_NOT_FOR_RUNNING_CASES("policy-not-for-running-cases", Kind.CONFLICT,
            "the current SLA policy is not published as applying to running cases (complaint.sla.applies-to-running-cases)"),
    ALREADY_ERASED("already-erased", Kind.CONFLICT, "the personal data of this case is already erased"),
    RETENTION_NOT_ARCHIVED("retention-not-archived", Kind.CONFLICT,
            "an erasure for the end of retention applies to archived complaints only"),
    WAITING_FOR_REQUIRED("waiting-for-required", Kind.RULE,
            "a pause names what the case waits for, e.g. supplementary evidence or a site-visit date");

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
