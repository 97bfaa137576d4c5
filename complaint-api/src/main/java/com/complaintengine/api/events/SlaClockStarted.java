package com.complaintengine.api.events;

import com.complaintengine.api.values.ComplaintId;
import com.complaintengine.api.values.SlaClock;
import com.complaintengine.api.values.SlaTimeBase;
import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A time limit started running: when it is due, when it is at risk, and the policy version that set it. */
@Revision("1")
public record SlaClockStarted(ComplaintId complaintId, SlaClock clock, Instant startedAt, Instant dueAt,
                              Instant atRiskAt, SlaTimeBase timeBase, String policyVersion) {
}
