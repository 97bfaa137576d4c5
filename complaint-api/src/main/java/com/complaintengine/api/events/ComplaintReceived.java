package com.complaintengine.api.events;

import com.complaintengine.api.values.Channel;
import com.complaintengine.api.values.ComplaintId;
import com.complaintengine.api.values.Customer;
import com.complaintengine.api.values.Demand;
import com.complaintengine.api.values.SpecialCircumstance;
import java.time.Instant;
import java.util.Set;
import org.axonframework.serialization.Revision;

/**
 * A complaint was recorded. {@code problemOccurredAt} is when the customer's problem happened; the
 * instant of the recording itself is the event's {@code occurredAt} metadata. Facts and expectation are
 * kept apart (003 §2 "事实陈述" vs "期望诉求").
 */
@Revision("1")
public record ComplaintReceived(ComplaintId complaintId,
                                Channel channel,
                                String channelDetail,
                                Customer customer,
                                Instant problemOccurredAt,
                                String facts,
                                String expectation,
                                Demand demand,
                                String emotion,
                                Set<SpecialCircumstance> specialCircumstances,
                                int affectedCount) {

    public ComplaintReceived {
        specialCircumstances = specialCircumstances == null ? Set.of() : Set.copyOf(specialCircumstances);
    }
}
