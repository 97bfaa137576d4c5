package com.complaintengine.api.values;

/** The time limits a complaint runs against (DOMAIN.md "Time limits (SLA)"). */
public enum SlaClock {
    /** The first response to the customer (001 §2.2, 003 §2). */
    FIRST_RESPONSE,
    /** The next progress update sent to the customer (003 §6); only an update sent to the customer meets it. */
    PROGRESS_UPDATE,
    /** The resolution; the only clock that pauses while the case waits on the customer or a third party. */
    RESOLUTION,
    /** URGENT: a supervisor calls the customer back (001 §2.3: within 30 min). */
    SUPERVISOR_CALLBACK,
    /** MAJOR: the department head gives an initial plan (001: within 2 h). */
    INITIAL_PLAN;

    /** The clock an extension names ("first-response", "FIRST_RESPONSE"), or null when it names none. */
    public static SlaClock named(String name) {
        if (name == null) {
            return null;
        }
        String canonical = name.strip().replace('-', '_').toUpperCase(java.util.Locale.ROOT);
        for (SlaClock clock : values()) {
            if (clock.name().equals(canonical)) {
                return clock;
            }
        }
        return null;
    }
}
