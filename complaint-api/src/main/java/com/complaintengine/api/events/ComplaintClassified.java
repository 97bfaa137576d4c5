package com.complaintengine.api.events;

import com.complaintengine.api.values.ComplaintId;
import com.complaintengine.api.values.Routing;
import com.complaintengine.api.values.SuggestionOutcome;
import com.complaintengine.api.values.Urgency;
import org.axonframework.serialization.Revision;

/**
 * A complaint was classified (001 §2.2) and routed to its departments; {@code tag} as shown to people.
 * {@code suggestion} says whether the agent accepted or overrode the suggested classification (null: none).
 */
@Revision("1")
public record ComplaintClassified(ComplaintId complaintId,
                                  String type,
                                  String subtype,
                                  Urgency urgency,
                                  boolean personalSafety,
                                  String tag,
                                  Routing routing,
                                  SuggestionOutcome suggestion) {
}
