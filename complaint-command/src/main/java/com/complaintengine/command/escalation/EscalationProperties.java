package com.complaintengine.command.escalation;

import com.complaintengine.api.values.EscalationLevel;
import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Thresholds of the automatic escalation rules (000 §2.2, 003 §3), with the documents' values as
 * defaults: more than 10 people or a claim above 500,000 CNY go straight to management.
 */
@ConfigurationProperties("complaint.escalation")
public record EscalationProperties(Integer groupThreshold,
                                   EscalationLevel groupLevel,
                                   BigDecimal claimThreshold,
                                   String claimCurrency,
                                   EscalationLevel claimLevel,
                                   EscalationLevel riskLevel,
                                   EscalationLevel personalSafetyLevel) {

    public EscalationProperties {
        groupThreshold = groupThreshold == null ? 10 : groupThreshold;
        groupLevel = groupLevel == null ? EscalationLevel.CRITICAL : groupLevel;
        claimThreshold = claimThreshold == null ? new BigDecimal("500000") : claimThreshold;
        claimCurrency = claimCurrency == null ? "CNY" : claimCurrency;
        claimLevel = claimLevel == null ? EscalationLevel.CRITICAL : claimLevel;
        riskLevel = riskLevel == null ? EscalationLevel.MAJOR : riskLevel;
        personalSafetyLevel = personalSafetyLevel == null ? EscalationLevel.MAJOR : personalSafetyLevel;
    }

    /** The documents' defaults, for tests and for a configuration that names none. */
    public static EscalationProperties defaults() {
        return new EscalationProperties(null, null, null, null, null, null, null);
    }
}
