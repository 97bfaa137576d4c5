package com.complaintengine.command.resolution;

import java.math.BigDecimal;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The authority of each role for money remedies (003 §5): above its limit, in {@code currency}, a remedy
 * needs the decision authority's approval first. A step without a role counts as {@code defaultRole}; a
 * role without a limit has none (every money remedy needs approval). The documents name no figures; the
 * defaults are a choice recorded in docs/decisions.md.
 */
@ConfigurationProperties("complaint.resolution")
public record ResolutionProperties(Map<String, BigDecimal> authorityLimits, String defaultRole, String currency,
                                   Integer maxOptions) {

    public ResolutionProperties {
        authorityLimits = authorityLimits == null || authorityLimits.isEmpty()
                ? Map.of("AGENT", BigDecimal.ZERO, "HANDLER", new BigDecimal("5000"), "SUPERVISOR", new BigDecimal("50000"))
                : Map.copyOf(authorityLimits);
        defaultRole = defaultRole == null ? "HANDLER" : defaultRole;
        currency = currency == null ? "CNY" : currency;
        maxOptions = maxOptions == null ? 5 : maxOptions;
    }

    public static ResolutionProperties defaults() {
        return new ResolutionProperties(null, null, null, null);
    }
}
