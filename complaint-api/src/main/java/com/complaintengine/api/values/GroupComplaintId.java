package com.complaintengine.api.values;

import java.util.Objects;

/** The identity of one group complaint (002); by convention it starts with "G-". */
public record GroupComplaintId(String value) {

    public GroupComplaintId {
        Objects.requireNonNull(value, "group complaint id");
        if (value.isBlank() || value.length() > 64) {
            throw new IllegalArgumentException("a group complaint id has 1 to 64 characters");
        }
    }

    public static GroupComplaintId of(String value) {
        return new GroupComplaintId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
