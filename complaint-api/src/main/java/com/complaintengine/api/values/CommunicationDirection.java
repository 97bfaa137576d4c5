package com.complaintengine.api.values;

/**
 * Which way a communication went. Only {@code TO_CUSTOMER} is a progress update the customer received
 * (003 §6); an internal note and a message from the customer are logged but update nobody.
 */
public enum CommunicationDirection {
    TO_CUSTOMER,
    FROM_CUSTOMER,
    INTERNAL
}
