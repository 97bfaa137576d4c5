package com.complaintengine.server.upcasting;

import com.complaintengine.api.events.EvidenceAdded;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code EvidenceAdded} revision 1 → 2: revision 1 had no {@code hashAlgorithm}; every hash it holds was checked
 * as SHA-256 when it was recorded, so the upcast names SHA-256. The stored row is never changed: the upcast
 * happens each time the event is read (aggregate loading, processors, history, the public feed).
 */
@Component
@Order(0)
public class EvidenceAddedUpcaster extends SingleEventUpcaster {

    static final SimpleSerializedType REVISION_1 = new SimpleSerializedType(EvidenceAdded.class.getName(), "1");
    static final SimpleSerializedType REVISION_2 = new SimpleSerializedType(EvidenceAdded.class.getName(), "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return REVISION_1.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_2, JsonNode.class, payload -> {
            ObjectNode upcast = ((ObjectNode) payload).deepCopy();
            if (!upcast.hasNonNull("hashAlgorithm")) {
                upcast.put("hashAlgorithm", EvidenceAdded.SHA_256);
            }
            return upcast;
        });
    }
}
