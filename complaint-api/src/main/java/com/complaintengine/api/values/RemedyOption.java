package com.complaintengine.api.values;

/**
 * One option of a tiered offer (003 §5), e.g. label "option 1": repair + 30 CNY credit. {@code amount}
 * is null when the option carries no money.
 */
public record RemedyOption(String label, RemedyType remedy, Money amount, String description) {
}
