package com.complaintengine.api.values;

/** Remedies offered to a customer (003 §5). */
public enum RemedyType {
    REFUND,
    EXCHANGE,
    REPAIR,
    COMPENSATION,
    APOLOGY,
    COUPON,
    PLAN_CHANGE,
    EXPLANATION
}
