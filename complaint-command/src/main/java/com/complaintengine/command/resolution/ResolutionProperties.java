package com.complaintengine.command.resolution;

import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The handler's authority for remedies (003 §5): money remedies above {@code handlerLimit} in
 * {@code currency} need the decision authority's approval first. The documents name no figure; the
 * default is a choice recorded in docs/decisions.md.
 */
@ConfigurationProperties("complaint.resolution")
public record ResolutionProperties(BigDecimal handlerLimit, String currency, Integer maxOptions) {

    public ResolutionProperties {
        handlerLimit = handlerLimit == null ? new BigDecimal("5000") : handlerLimit;
        currency = currency == null ? "CNY" : currency;
        maxOptions = maxOptions == null ? 5 : maxOptions;
    }

    public static ResolutionProperties defaults() {
        return new ResolutionProperties(null, null, null);
    }
}
