package com.complaintengine.api.events;

import com.complaintengine.api.values.Channel;
import com.complaintengine.api.values.ComplaintId;
import com.complaintengine.api.values.Customer;
import com.complaintengine.api.values.Demand;
import com.complaintengine.api.values.SpecialCircumstance;
import com.complaintengine.api.values.SuggestedClassification;
import java.time.Instant;
import java.util.Set;
import org.axonframework.serialization.Revision;

/**
 * A complaint was recorded. {@code problemOccurredAt} is when the customer's problem happened; the
 * instant of the recording itself is the event's {@code occurredAt} metadata. Facts and expectation are
 * kept apart (003 §2 "事实陈述" vs "期望诉求"). {@code suggestedClassification} is what the engine suggested from
 * the text (004 §3), null when no suggester ran.
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
                                int affectedCount,
                                SuggestedClassification suggestedClassification) {

    public ComplaintReceived {
        specialCircumstances = specialCircumstances == null ? Set.of() : Set.copyOf(specialCircumstances);
    }
}
