package com.complaintengine.api.values;

import java.util.List;

/**
 * Where a classified complaint goes, by the responsibility matrix (004 §2, 000 §2.2): the primary
 * department talks to the customer, cooperating departments verify, the gatekeeper checks compliance,
 * the decision authority approves out-of-policy remedies. {@code matrixVersion} names the matrix used.
 */
public record Routing(String primaryDepartment, List<String> cooperatingDepartments, String gatekeeper,
                      String decisionAuthority, String matrixVersion) {

    public Routing {
        cooperatingDepartments = cooperatingDepartments == null ? List.of() : List.copyOf(cooperatingDepartments);
    }
}
