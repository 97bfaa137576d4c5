package com.complaintengine.api.values;

/** Whom a paused case waits on. */
public enum WaitingOn {
    CUSTOMER,
    THIRD_PARTY
}
