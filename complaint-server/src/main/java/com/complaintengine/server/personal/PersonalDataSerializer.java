package com.complaintengine.server.personal;

import com.complaintengine.api.values.ErasedMarker;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import java.util.function.UnaryOperator;
import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;

/**
 * Axon's event serializer with erasable personal data (issue 7): on the way into the event store the fields
 * {@link PersonalFields} names are replaced by {@code enc:v1:<base64>} (AES-GCM under the case's data key, bound to
 * the case id); on the way out they are decrypted, or read {@link ErasedMarker#ERASED} once the key is destroyed.
 * Every reader that goes through Axon's serializer (aggregate sourcing, projections, the history, the auditor's
 * replay, the feed) therefore gets clear text or the marker and never the ciphertext; {@code psql} shows ciphertext.
 * Everything else (metadata, tokens, events without personal fields) passes through the wrapped serializer unchanged.
 * The same class, over a mapper that reads and writes the aggregate's fields, is the snapshot serializer (issue 9):
 * the personal fields of a complaint's state are sealed with the complaint's key, so an erasure erases them too.
 */
public class PersonalDataSerializer implements Serializer {

    static final String PREFIX = "enc:v1:";

    private final Serializer delegate;
    private final PersonalDataKeys keys;
    private final ObjectMapper mapper;

    /** {@code mapper}: the mapper the delegate writes with, so numbers and dates keep their exact form. */
    public PersonalDataSerializer(Serializer delegate, PersonalDataKeys keys, ObjectMapper mapper) {
        this.delegate = delegate;
        this.keys = keys;
        this.mapper = mapper.copy().setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));
    }

    @Override
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        List<PersonalFields.Path> paths = object == null ? List.of() : PersonalFields.of(object.getClass());
        if (paths.isEmpty()) {
            return delegate.serialize(object, expectedRepresentation);
        }
        // One pass: the object straight to a tree (no JSON text in between), the tree written once.
        ObjectNode tree = mapper.valueToTree(object);
        String subject = subjectOf(tree);
        JsonNode contact = tree.at("/customer/contact");
        PersonalDataKeys.KeyState key = keys.forWriting(subject, contact.isTextual() ? contact.asText() : null);
        for (PersonalFields.Path path : paths) {
            transform(tree, path, value -> key.erased() ? erased(value, path) : encrypt(key, value, subject));
        }
        return getConverter().convert(new SimpleSerializedObject<>(write(tree), byte[].class,
                delegate.typeForClass(object.getClass())), expectedRepresentation);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <S, T> T deserialize(SerializedObject<S> serializedObject) {
        if (SerializedType.emptyType().equals(serializedObject.getType())) {
            return delegate.deserialize(serializedObject);
        }
        Class<?> type = classForType(serializedObject.getType());
        List<PersonalFields.Path> paths = PersonalFields.of(type);
        if (paths.isEmpty()) {
            return delegate.deserialize(serializedObject);
        }
        SerializedObject<byte[]> stored = getConverter().convert(serializedObject, byte[].class);
        ObjectNode tree = read(stored.getData());
        String subject = subjectOf(tree);
        PersonalDataKeys.KeyState key = keys.forReading(subject);
        for (PersonalFields.Path path : paths) {
            // Erased: every personal field reads as erased, also a clear one written before encryption existed.
            transform(tree, path, value -> key.erased() ? erased(value, path) : decrypt(key, value, subject));
        }
        // The decrypted tree straight to the event (the stored JSON is parsed once, never written back to text).
        try {
            return (T) mapper.treeToValue(tree, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The subject whose key encrypts an event: its group complaint, else its complaint; a snapshot: its aggregate. */
    static String subjectOf(ObjectNode tree) {
        JsonNode group = tree.get("groupId");
        JsonNode complaint = tree.get("complaintId");
        JsonNode subject = group != null && group.isTextual() ? group : complaint;
        if (subject == null) {
            subject = tree.get("id"); // an aggregate's state (snapshot): its @AggregateIdentifier field
        }
        if (subject == null || !subject.isTextual()) {
            throw new IllegalStateException("an event or snapshot with personal fields names no complaintId, groupId or id");
        }
        return subject.asText();
    }

    private JsonNode encrypt(PersonalDataKeys.KeyState key, JsonNode value, String subject) {
        byte[] sealed = MasterKey.encrypt(key.key(), write(value), subject);
        return TextNode.valueOf(PREFIX + Base64.getEncoder().encodeToString(sealed));
    }

    private JsonNode decrypt(PersonalDataKeys.KeyState key, JsonNode value, String subject) {
        if (!value.isTextual() || !value.asText().startsWith(PREFIX)) {
            return value;
        }
        if (key.key() == null) {
            throw new IllegalStateException("an encrypted field of " + subject + " but no key for it");
        }
        byte[] sealed = Base64.getDecoder().decode(value.asText().substring(PREFIX.length()));
        return readAny(MasterKey.decrypt(key.key(), sealed, subject));
    }

    /** The marker in the field's own shape: a list of texts becomes {@code ["[erased]"]}, even while encrypted. */
    private static JsonNode erased(JsonNode value, PersonalFields.Path path) {
        if (value.isArray() && value.isEmpty()) {
            return value;
        }
        if (path.list()) {
            return JsonNodeFactory.instance.arrayNode().add(ErasedMarker.ERASED);
        }
        return value.isTextual() && value.asText().isBlank() ? value : TextNode.valueOf(ErasedMarker.ERASED);
    }

    /** Applies {@code change} to every non-null value the path names. */
    private static void transform(JsonNode node, PersonalFields.Path path, UnaryOperator<JsonNode> change) {
        transform(node, path.path().split("\\."), 0, change);
    }

    private static void transform(JsonNode node, String[] segments, int index, UnaryOperator<JsonNode> change) {
        if (!(node instanceof ObjectNode object)) {
            return;
        }
        String segment = segments[index];
        boolean each = segment.endsWith("[]");
        String name = each ? segment.substring(0, segment.length() - 2) : segment;
        JsonNode child = object.get(name);
        if (child == null || child.isNull()) {
            return;
        }
        if (each) {
            if (child instanceof ArrayNode array) {
                for (int i = 0; i < array.size(); i++) {
                    if (index + 1 < segments.length) {
                        transform(array.get(i), segments, index + 1, change);
                    } else if (!array.get(i).isNull()) {
                        array.set(i, change.apply(array.get(i)));
                    }
                }
            }
        } else if (index + 1 < segments.length) {
            transform(child, segments, index + 1, change);
        } else {
            object.set(name, change.apply(child));
        }
    }

    private ObjectNode read(byte[] json) {
        JsonNode node = readAny(json);
        if (!(node instanceof ObjectNode object)) {
            throw new IllegalStateException("an event with personal fields is not a JSON object");
        }
        return object;
    }

    private JsonNode readAny(byte[] json) {
        try {
            return mapper.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] write(JsonNode node) {
        try {
            return mapper.writeValueAsBytes(node); // UTF-8, without a String in between
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
        return delegate.canSerializeTo(expectedRepresentation);
    }

    @Override
    public Class classForType(SerializedType type) {
        return delegate.classForType(type);
    }

    @Override
    public SerializedType typeForClass(Class type) {
        return delegate.typeForClass(type);
    }

    @Override
    public Converter getConverter() {
        return delegate.getConverter();
    }
}
