package com.complaintengine.api.values;

/** The customer's demand (003 §2 "期望诉求"): what is asked, and the claimed amount when there is one. */
public record Demand(DemandType type, Money amount) {
}
