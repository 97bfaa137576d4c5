package com.complaintengine.command.sla;

import com.complaintengine.api.values.SlaClock;
import java.time.Instant;

/** The payload of a scheduled SLA deadline; {@code dueAt} lets a stale deadline recognise itself. */
public record SlaDeadline(SlaClock clock, Kind kind, Instant dueAt) {

    /** At risk (the configured share of the time passed) or due. */
    public enum Kind { AT_RISK, DUE, RESUME }

    public static String atRiskName(SlaClock clock) {
        return "sla-at-risk:" + clock;
    }

    public static String resumeName(SlaClock clock) {
        return "sla-resume:" + clock;
    }

    public static String dueName(SlaClock clock) {
        return "sla-due:" + clock;
    }
}
