package com.complaintengine.query.library;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A typical case of the library: what happened, how it was remedied, and the wording that worked. */
public record TypicalCase(String complaintId, String type, String subtype, String scenario, String remedy,
                          BigDecimal amount, String currency, String wording, List<String> tags, String markedBy,
                          Instant markedAt) {
}
