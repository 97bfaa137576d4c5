package com.complaintengine.api.values;

/** What the customer asks for. */
public enum DemandType {
    REFUND,
    EXCHANGE,
    REPAIR,
    COMPENSATION,
    APOLOGY,
    COUPON,
    OTHER
}
