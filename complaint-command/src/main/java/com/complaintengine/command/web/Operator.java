package com.complaintengine.command.web;

import com.complaintengine.api.values.MetaDataKeys;
import org.axonframework.messaging.MetaData;

/**
 * Who performs a step. Until authentication lands, the operator comes from the {@code X-Operator}
 * request header (never from the body); it goes into every event's metadata.
 */
public record Operator(String name) {

    public static final String HEADER = "X-Operator";

    public MetaData asMetaData() {
        return MetaData.with(MetaDataKeys.OPERATOR, name);
    }
}
