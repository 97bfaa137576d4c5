package com.complaintengine.api.events;

import com.complaintengine.api.values.ComplaintId;
import org.axonframework.serialization.Revision;

/** A resolved complaint was archived (001 §2.4); nothing may change it afterwards. */
@Revision("1")
public record ComplaintArchived(ComplaintId complaintId, String note) {
}
