package com.complaintengine.query.history;

/**
 * One event of a complaint's history as an auditor reads it: its position in the case, its type and
 * revision, when it happened and who did it, and the event itself.
 */
public record HistoryEntry(long sequence,
                           String type,
                           String revision,
                           String occurredAt,
                           String operator,
                           String eventId,
                           Object payload) {
}
