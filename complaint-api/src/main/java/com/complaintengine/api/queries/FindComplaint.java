package com.complaintengine.api.queries;

import com.complaintengine.api.values.ComplaintId;

/** Find the current state of one complaint, as projected from its events. */
public record FindComplaint(ComplaintId complaintId) {
}
