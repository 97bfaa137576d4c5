package com.complaintengine.api.values;

/** Escalation levels (000 §2.2): 一般, 重大, 特大. Declared in rising order. */
public enum EscalationLevel {
    GENERAL,
    MAJOR,
    CRITICAL;

    public boolean isAbove(EscalationLevel other) {
        return other == null || compareTo(other) > 0;
    }
}
