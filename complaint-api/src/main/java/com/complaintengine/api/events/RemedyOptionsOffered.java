package com.complaintengine.api.events;

import com.complaintengine.api.values.ComplaintId;
import com.complaintengine.api.values.RemedyOption;
import java.util.List;
import org.axonframework.serialization.Revision;

/** Tiered remedy options were offered to the customer (003 §5). */
@Revision("1")
public record RemedyOptionsOffered(ComplaintId complaintId, List<RemedyOption> options) {

    public RemedyOptionsOffered {
        options = options == null ? List.of() : List.copyOf(options);
    }
}
