package com.complaintengine.server.security;

import java.util.Locale;
import java.util.Optional;

/**
 * The roles of issue 7, from the least to the most far-reaching: a step a user may perform in several of their
 * roles is performed, and recorded, in the first of them in this order unless they choose another.
 */
public enum Role {
    /** Intake, classification, first response, communication. */
    AGENT,
    /** Works the cases routed to their own department: evidence, progress, remedies. */
    HANDLER,
    /** Escalates, approves extensions, reassigns, steps in on any case. */
    SUPERVISOR,
    /** Decision authority for remedies beyond a handler's limit. */
    APPROVER,
    /** Reads everything, including history; changes nothing. */
    AUDITOR,
    /** Dashboards and reports only. */
    ANALYST,
    /** Rebuilds, retention, erasure, operations endpoints. */
    ADMIN;

    /** The Spring Security authority of this role. */
    public String authority() {
        return "ROLE_" + name();
    }

    static Optional<Role> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String canonical = name.strip().toUpperCase(Locale.ROOT);
        if (canonical.startsWith("ROLE_")) {
            canonical = canonical.substring("ROLE_".length());
        }
        for (Role role : values()) {
            if (role.name().equals(canonical)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
