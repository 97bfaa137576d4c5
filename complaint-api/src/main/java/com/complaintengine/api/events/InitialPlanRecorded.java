package com.complaintengine.api.events;

import com.complaintengine.api.values.ComplaintId;
import org.axonframework.serialization.Revision;

/** The initial plan for a MAJOR complaint was recorded (001); the operator is the department head. */
@Revision("1")
public record InitialPlanRecorded(ComplaintId complaintId, String plan) {
}
