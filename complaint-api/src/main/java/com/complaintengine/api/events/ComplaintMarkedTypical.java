package com.complaintengine.api.events;

import com.complaintengine.api.values.ComplaintId;
import com.complaintengine.api.values.Money;
import com.complaintengine.api.values.RemedyType;
import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A resolved complaint became a typical case of the case library (004 §5). It carries the classification and
 * the remedy given, so the library and other services need no other event to show the case.
 */
@Revision("1")
public record ComplaintMarkedTypical(ComplaintId complaintId,
                                     String type,
                                     String subtype,
                                     RemedyType remedy,
                                     Money amount,
                                     String scenario,
                                     String wording,
                                     List<String> tags) {

    public ComplaintMarkedTypical {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
