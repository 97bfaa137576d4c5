package com.complaintengine.command.resolution;

import com.complaintengine.api.values.Money;

/** Decides whether a money remedy is within the handler's authority or needs an approval (003 §5). */
public final class RemedyAuthority {

    private final ResolutionProperties properties;

    public RemedyAuthority(ResolutionProperties properties) {
        this.properties = properties;
    }

    /**
     * True when the amount needs an approval that {@code approvedUpTo} does not cover. Amounts in another
     * currency than the configured one always need an approval: no exchange rate is guessed.
     */
    public boolean needsApproval(Money amount, Money approvedUpTo) {
        if (amount == null) {
            return false;
        }
        boolean withinHandler = amount.currency().equals(properties.currency())
                && amount.value().compareTo(properties.handlerLimit()) <= 0;
        boolean withinApproval = approvedUpTo != null && approvedUpTo.currency().equals(amount.currency())
                && amount.value().compareTo(approvedUpTo.value()) <= 0;
        return !withinHandler && !withinApproval;
    }

    public int maxOptions() {
        return properties.maxOptions();
    }
}
