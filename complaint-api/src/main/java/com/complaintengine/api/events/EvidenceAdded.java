package com.complaintengine.api.events;

import com.complaintengine.api.values.ComplaintId;
import com.complaintengine.api.values.EvidenceSource;
import org.axonframework.serialization.Revision;

/** A reference to evidence was attached (003 §4); the content stays where it is, its hash proves it. */
@Revision("1")
public record EvidenceAdded(ComplaintId complaintId,
                            EvidenceSource source,
                            String description,
                            String reference,
                            String contentHash) {
}
