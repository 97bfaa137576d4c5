package com.complaintengine.server.integrity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * The tamper-evidence hash of one stored event (issue 7): SHA-256 over the previous event's hash in the same
 * aggregate and every column of the row as stored (event id, aggregate id, sequence, aggregate type, timestamp,
 * payload type and revision, payload bytes) and a canonical form of the metadata without the two chain keys. Each
 * part is length-prefixed, so no two different rows hash alike by shifting bytes between parts.
 */
public final class ChainHash {

    /** Metadata key of the event's own chain hash (hex). */
    public static final String KEY = "chainHash";
    /** Metadata key of the hash it chains to: the previous event's of the same aggregate, "" for the first. */
    public static final String PREVIOUS_KEY = "previousChainHash";

    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    private ChainHash() {
    }

    /** The columns of one event row, as stored. */
    public record Row(String eventId, String aggregateId, long sequence, String aggregateType, String timestamp,
                      String payloadType, String payloadRevision, byte[] payload, byte[] metaData) {
    }

    public static String of(String previous, Row row) {
        MessageDigest sha = sha256();
        part(sha, previous);
        part(sha, row.eventId());
        part(sha, row.aggregateId());
        part(sha, Long.toString(row.sequence()));
        part(sha, row.aggregateType());
        part(sha, row.timestamp());
        part(sha, row.payloadType());
        part(sha, row.payloadRevision());
        part(sha, row.payload());
        part(sha, canonicalMetaData(row.metaData()));
        return HexFormat.of().formatHex(sha.digest());
    }

    /** The metadata as JSON with keys sorted at every level and without the chain keys. */
    static byte[] canonicalMetaData(byte[] metaData) {
        if (metaData == null) {
            return new byte[0];
        }
        try {
            JsonNode node = CANONICAL.readTree(metaData);
            if (node instanceof ObjectNode object) {
                object.remove(KEY);
                object.remove(PREVIOUS_KEY);
            }
            return CANONICAL.writeValueAsString(sorted(node)).getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("metadata is not JSON", e);
        }
    }

    /** The chain hash recorded in stored metadata, or null. */
    static String recorded(byte[] metaData, String key) {
        if (metaData == null) {
            return null;
        }
        try {
            JsonNode value = CANONICAL.readTree(metaData).get(key);
            return value == null || value.isNull() ? null : value.asText();
        } catch (IOException e) {
            return null;
        }
    }

    private static Object sorted(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> map = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                map.put(field.getKey(), sorted(field.getValue()));
            }
            return map;
        }
        if (node.isArray()) {
            java.util.List<Object> list = new java.util.ArrayList<>();
            node.forEach(element -> list.add(sorted(element)));
            return list;
        }
        return node;
    }

    private static void part(MessageDigest sha, String value) {
        part(sha, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    private static void part(MessageDigest sha, byte[] value) {
        // -1 for null, so null and "" differ.
        sha.update(ByteBuffer.allocate(4).putInt(value == null ? -1 : value.length).array());
        if (value != null) {
            sha.update(value);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
