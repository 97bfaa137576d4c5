package com.complaintengine.api.values;

/** Who complains: a name or nickname, a contact for official communication only, and the tier. */
public record Customer(String name, String contact, CustomerTier tier) {
}
