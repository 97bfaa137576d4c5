package com.complaintengine.command.web;

import com.complaintengine.api.values.MetaDataKeys;
import org.axonframework.messaging.MetaData;

/**
 * Who performs a step: the authenticated user, resolved by the server ({@link OperatorSource}), never taken from
 * the request. {@code role} is the role the step is performed in (it decides authority limits, 003 §5),
 * {@code department} the user's own, and {@code departmentScope} the department a handler is limited to (null
 * when the user may act on every complaint).
 */
public record Operator(String name, String role, String department, String departmentScope) {

    public MetaData asMetaData() {
        MetaData metaData = MetaData.with(MetaDataKeys.OPERATOR, name);
        if (role != null) {
            metaData = metaData.and(MetaDataKeys.OPERATOR_ROLE, role);
        }
        if (department != null) {
            metaData = metaData.and(MetaDataKeys.OPERATOR_DEPARTMENT, department);
        }
        return departmentScope == null ? metaData : metaData.and(MetaDataKeys.DEPARTMENT_SCOPE, departmentScope);
    }
}
