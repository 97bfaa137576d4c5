package com.complaintengine.api.values;

import java.time.Instant;

/** The customer's recorded agreement (001 §2.3): over which channel and when it was given. */
public record CustomerConsent(String channel, Instant givenAt) {
}
