package com.complaintengine.command.resolution;

import com.complaintengine.api.values.Money;
import java.math.BigDecimal;
import java.util.Locale;

/** Decides whether a money remedy is within the acting role's authority or needs an approval (003 §5). */
public final class RemedyAuthority {

    private final ResolutionProperties properties;

    public RemedyAuthority(ResolutionProperties properties) {
        this.properties = properties;
    }

    /**
     * True when the amount is above the limit of {@code role} and {@code approvedUpTo} does not cover it.
     * Amounts in another currency than the configured one always need an approval: no exchange rate is guessed.
     */
    public boolean needsApproval(Money amount, Money approvedUpTo, String role) {
        if (amount == null) {
            return false;
        }
        String acting = role == null || role.isBlank() ? properties.defaultRole() : role.toUpperCase(Locale.ROOT);
        BigDecimal limit = properties.authorityLimits().getOrDefault(acting, BigDecimal.ZERO);
        boolean withinRole = amount.currency().equals(properties.currency()) && amount.value().compareTo(limit) <= 0;
        boolean withinApproval = approvedUpTo != null && approvedUpTo.currency().equals(amount.currency())
                && amount.value().compareTo(approvedUpTo.value()) <= 0;
        return !withinRole && !withinApproval;
    }

    public int maxOptions() {
        return properties.maxOptions();
    }
}
