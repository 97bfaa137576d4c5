package com.complaintengine.command.sla;

import com.complaintengine.api.values.SlaClock;
import java.time.Instant;

/** The payload of a scheduled SLA deadline; {@code dueAt} lets a stale deadline recognise itself. */
public record SlaDeadline(SlaClock clock, Kind kind, Instant dueAt) {

    /**
     * What a deadline marks. {@code AT_RISK_THEN_DUE} (issue 9): at risk, and then the clock's due deadline is
     * scheduled, so a clock holds one row at a time. {@code AT_RISK} alone is how versions before issue 9 scheduled it,
     * beside a {@code DUE} row of its own; rows of that kind still in a deployed database fire as they were meant to.
     * {@code RESUME} ends the resolution clock's longest pause.
     */
    public enum Kind { AT_RISK, DUE, RESUME, AT_RISK_THEN_DUE }

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
