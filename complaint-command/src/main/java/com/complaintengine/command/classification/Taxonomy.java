package com.complaintengine.command.classification;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The configured content types and their subtypes (001 §2.2). Names are upper case, e.g. PRODUCT/QUALITY. */
public final class Taxonomy {

    private final Map<String, List<String>> subtypesByType;

    public Taxonomy(Map<String, List<String>> subtypesByType) {
        if (subtypesByType == null || subtypesByType.isEmpty()) {
            throw new IllegalArgumentException("complaint.classification.taxonomy must name at least one type");
        }
        this.subtypesByType = new LinkedHashMap<>();
        subtypesByType.forEach((type, subtypes) -> this.subtypesByType.put(type, List.copyOf(subtypes)));
    }

    public boolean hasType(String type) {
        return subtypesByType.containsKey(type);
    }

    /** The subtypes of a known type, or empty when the type is unknown. */
    public Optional<List<String>> subtypesOf(String type) {
        return Optional.ofNullable(subtypesByType.get(type));
    }

    public List<String> types() {
        return List.copyOf(subtypesByType.keySet());
    }
}
