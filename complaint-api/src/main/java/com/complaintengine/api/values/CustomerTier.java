package com.complaintengine.api.values;

/** The customer's tier (003 §3). */
public enum CustomerTier {
    VIP,
    REGULAR
}
