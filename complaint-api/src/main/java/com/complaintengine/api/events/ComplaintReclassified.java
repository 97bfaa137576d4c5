package com.complaintengine.api.events;

import com.complaintengine.api.values.ComplaintId;
import com.complaintengine.api.values.Routing;
import com.complaintengine.api.values.SuggestionOutcome;
import com.complaintengine.api.values.Urgency;
import org.axonframework.serialization.Revision;

/** A classified complaint got a new classification, for the stated reason, and was routed anew. */
@Revision("1")
public record ComplaintReclassified(ComplaintId complaintId,
                                    String type,
                                    String subtype,
                                    Urgency urgency,
                                    boolean personalSafety,
                                    String tag,
                                    Routing routing,
                                    String reason) {
}
