package com.complaintengine.api.events;

import com.complaintengine.api.values.ComplaintId;
import org.axonframework.serialization.Revision;

/** The customer's concerns remain, so follow-up continues (003 §6): the complaint is back in handling. */
@Revision("1")
public record ComplaintReopened(ComplaintId complaintId, String concerns) {
}
