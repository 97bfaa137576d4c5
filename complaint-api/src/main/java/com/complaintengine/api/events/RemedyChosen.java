package com.complaintengine.api.events;

import com.complaintengine.api.values.ComplaintId;
import com.complaintengine.api.values.RemedyOption;
import org.axonframework.serialization.Revision;

/** The customer chose one of the offered options; the resolution follows that choice. */
@Revision("1")
public record RemedyChosen(ComplaintId complaintId, RemedyOption option) {
}
