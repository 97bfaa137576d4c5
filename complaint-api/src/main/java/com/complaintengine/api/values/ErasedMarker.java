package com.complaintengine.api.values;

/**
 * What a personal field reads as once its case's personal data is erased (issue 7): events, history, projections
 * and the feed show this text in place of the name, contact or free text; every other field is unchanged.
 */
public final class ErasedMarker {

    public static final String ERASED = "[erased]";

    private ErasedMarker() {
    }

    /** The marker for a text that was there; null and blank stay as they were. */
    public static String erase(String value) {
        return value == null || value.isBlank() ? value : ERASED;
    }
}
