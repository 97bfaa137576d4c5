package com.complaintengine.api.values;

/**
 * Where a complaint stands in its lifecycle (DOMAIN.md): received → classified → acknowledged → in handling →
 * resolved → confirmed → archived. A reopened complaint goes back to in handling.
 */
public enum ComplaintStatus {
    RECEIVED,
    CLASSIFIED,
    ACKNOWLEDGED,
    IN_HANDLING,
    RESOLVED,
    CONFIRMED,
    ARCHIVED
}
