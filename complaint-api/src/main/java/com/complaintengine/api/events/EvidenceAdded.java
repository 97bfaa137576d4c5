package com.complaintengine.api.events;

import com.complaintengine.api.values.ComplaintId;
import com.complaintengine.api.values.EvidenceSource;
import org.axonframework.serialization.Revision;

/**
 * A reference to evidence was attached (003 §4); the content stays where it is, its hash proves it.
 * {@code hashAlgorithm} names how {@code contentHash} was computed (revision 2; every revision-1 event is read
 * as {@value #SHA_256}, the only algorithm the engine has ever accepted).
 */
@Revision("2")
public record EvidenceAdded(ComplaintId complaintId,
                            EvidenceSource source,
                            String description,
                            String reference,
                            String contentHash,
                            String hashAlgorithm) {

    /** The algorithm of every content hash the engine accepts. */
    public static final String SHA_256 = "SHA-256";
}
