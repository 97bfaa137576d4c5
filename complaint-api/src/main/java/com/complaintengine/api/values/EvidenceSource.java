package com.complaintengine.api.values;

/** Where a piece of evidence comes from (003 §4): a system record, another department, the customer. */
public enum EvidenceSource {
    SYSTEM,
    DEPARTMENT,
    CUSTOMER
}
