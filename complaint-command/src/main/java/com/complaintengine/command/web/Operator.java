package com.complaintengine.command.web;

import com.complaintengine.api.values.MetaDataKeys;
import org.axonframework.messaging.MetaData;

/**
 * Who performs a step, and in which role. Until authentication lands, they come from the {@code X-Operator}
 * and optional {@code X-Operator-Role} request headers (never from the body); the operator goes into every
 * event's metadata, the role decides authority limits (003 §5).
 */
public record Operator(String name, String role) {

    public static final String HEADER = "X-Operator";
    public static final String ROLE_HEADER = "X-Operator-Role";

    public MetaData asMetaData() {
        MetaData metaData = MetaData.with(MetaDataKeys.OPERATOR, name);
        return role == null ? metaData : metaData.and(MetaDataKeys.OPERATOR_ROLE, role);
    }
}
