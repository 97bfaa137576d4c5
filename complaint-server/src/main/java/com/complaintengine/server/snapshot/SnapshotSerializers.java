package com.complaintengine.server.snapshot;

import com.complaintengine.server.personal.PersonalDataKeys;
import com.complaintengine.server.personal.PersonalDataSerializer;
import com.complaintengine.server.personal.PersonalFields;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.serialization.ChainingConverter;
import org.axonframework.serialization.RevisionResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;

/**
 * The snapshot serializer (issue 9): the events' Jackson mapper reading and writing the complaint by its fields, wrapped
 * by the personal-data serializer, so the personal paths {@link PersonalFields} names in the state are sealed with the
 * complaint's key (and read as erased once it is destroyed), exactly as in the events they came from. The revision is
 * the aggregate's {@code @Revision}, which Axon's default snapshot filter compares on reading.
 *
 * <p>Not a Spring bean of type {@code Serializer}: Axon's auto-configuration creates its general serializer only while
 * no other unqualified-looking {@code Serializer} bean exists.
 */
public final class SnapshotSerializers {

    /** An aggregate's state is its fields (private, without getters); nothing else is written. */
    @JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
            isGetterVisibility = JsonAutoDetect.Visibility.NONE, setterVisibility = JsonAutoDetect.Visibility.NONE)
    private interface StateByFields {
    }

    private SnapshotSerializers() {
    }

    /** {@code eventMapper}: Axon's mapper of events ({@code defaultAxonObjectMapper}); it is copied, not changed. */
    public static Serializer of(ObjectMapper eventMapper, RevisionResolver revisionResolver, PersonalDataKeys keys) {
        ObjectMapper mapper = stateMapper(eventMapper);
        JacksonSerializer jackson = JacksonSerializer.builder()
                .revisionResolver(revisionResolver)
                .converter(new ChainingConverter(SnapshotSerializers.class.getClassLoader()))
                .objectMapper(mapper)
                .build();
        return new PersonalDataSerializer(jackson, keys, mapper);
    }

    /** The events' mapper that also reads and writes the snapshotted aggregates by their fields. */
    public static ObjectMapper stateMapper(ObjectMapper eventMapper) {
        try {
            return eventMapper.copy().addMixIn(Class.forName(PersonalFields.COMPLAINT_AGGREGATE), StateByFields.class);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the snapshotted aggregate " + PersonalFields.COMPLAINT_AGGREGATE
                    + " is not on the class path", e);
        }
    }
}
