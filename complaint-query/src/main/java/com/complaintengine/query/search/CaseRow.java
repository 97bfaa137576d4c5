package com.complaintengine.query.search;

import java.time.Instant;

/** One line of the case list: what a team lead scans for; the whole case is at {@code /api/complaints/{id}}. */
public record CaseRow(String id, String status, String urgency, String type, String subtype, String channel,
                      String department, String handler, String escalationLevel, String slaState, Instant nextDueAt,
                      String groupId, int affectedCount, Instant receivedAt, Instant updatedAt, String factsExcerpt) {
}
