package com.complaintengine.command.ids;

import org.axonframework.common.IdentifierFactory;

/**
 * Axon's message identifiers — among them every stored event's {@code event_identifier}, a unique key of the event
 * table — as {@link TimeOrderedIds}, instead of Axon's random UUIDs. Axon finds this class through
 * {@code META-INF/services/org.axonframework.common.IdentifierFactory} (its {@link IdentifierFactory#getInstance()}).
 */
public final class TimeOrderedIdentifierFactory extends IdentifierFactory {

    @Override
    public String generateIdentifier() {
        return TimeOrderedIds.next().toString();
    }
}
