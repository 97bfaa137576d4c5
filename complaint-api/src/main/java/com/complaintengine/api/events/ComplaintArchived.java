package com.complaintengine.api.events;

import com.complaintengine.api.values.ComplaintId;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A resolved complaint was archived (001 §2.4); nothing may change it afterwards. Its personal data is kept
 * until {@code retainUntil}, computed from the configured retention period.
 */
@Revision("1")
public record ComplaintArchived(ComplaintId complaintId, String note, Instant retainUntil) {
}
