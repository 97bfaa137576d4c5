package com.complaintengine.api.values;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.regex.Pattern;

/** An amount in a currency: a decimal, never floating point, never negative. */
public record Money(BigDecimal value, String currency) {

    private static final Pattern ISO_4217 = Pattern.compile("[A-Z]{3}");

    public Money {
        Objects.requireNonNull(value, "amount value");
        Objects.requireNonNull(currency, "amount currency");
        if (value.signum() < 0) {
            throw new IllegalArgumentException("an amount cannot be negative");
        }
        if (!ISO_4217.matcher(currency).matches()) {
            throw new IllegalArgumentException("a currency is a three-letter ISO 4217 code such as CNY");
        }
    }

    public static Money of(String value, String currency) {
        return new Money(new BigDecimal(value), currency);
    }
}
