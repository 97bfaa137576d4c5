package com.complaintengine.api.values;

/** Urgency of a complaint (001 §2.2): URGENT (someone was hurt), MAJOR (a batch problem), GENERAL. */
public enum Urgency {
    URGENT,
    MAJOR,
    GENERAL
}
