package com.complaintengine.api.values;

/** Where a complaint stands in its lifecycle. */
public enum ComplaintStatus {
    RECEIVED,
    CLASSIFIED,
    ACKNOWLEDGED,
    RESOLVED,
    ARCHIVED
}
