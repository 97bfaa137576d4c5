package com.complaintengine.api.values;

import java.util.Objects;

/** The identity of one complaint: an opaque, non-blank string chosen by the caller or the id generator. */
public record ComplaintId(String value) {

    public ComplaintId {
        Objects.requireNonNull(value, "complaint id");
        if (value.isBlank() || value.length() > 64) {
            throw new IllegalArgumentException("a complaint id has 1 to 64 characters");
        }
    }

    public static ComplaintId of(String value) {
        return new ComplaintId(value);
    }

    /** Axon routes commands by {@code toString()} of the target identifier. */
    @Override
    public String toString() {
        return value;
    }
}
