package com.complaintengine.command.classification;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The complaint taxonomy (type → subtypes) and the versioned responsibility matrix (type → departments),
 * both configuration (004 §2 "以文件形式固化"). Defaults live in the server's {@code application.yml}.
 */
@ConfigurationProperties("complaint.classification")
public record ClassificationProperties(Map<String, List<String>> taxonomy,
                                       String matrixVersion,
                                       Map<String, Route> routing) {

    /** One row of the matrix: who talks to the customer, who verifies, who checks, who decides. */
    public record Route(String primary, List<String> cooperating, String gatekeeper, String decisionAuthority) {
    }
}
