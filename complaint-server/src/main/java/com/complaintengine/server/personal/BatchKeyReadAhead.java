package com.complaintengine.server.personal;

import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Reads the personal-data keys of a projection batch's complaints in one statement before the batch's first event is
 * handled (issue 9, intake at maximum): the summary projection otherwise looked each complaint's key up when it
 * decrypted that complaint's first event of the batch, a statement per complaint. The keys land in the batch's unit of
 * work only ({@link PersonalDataKeys#preload}), so an erasure is seen by the next batch as before. Which events carry
 * personal fields is read from their type, without deserializing them.
 */
final class BatchKeyReadAhead implements MessageHandlerInterceptor<EventMessage<?>> {

    private static final String DONE = BatchKeyReadAhead.class.getName() + ".done";

    private final PersonalDataKeys keys;

    BatchKeyReadAhead(PersonalDataKeys keys) {
        this.keys = keys;
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        if (unitOfWork instanceof BatchingUnitOfWork<?> batch && batch.getMessages().size() > 1
                && batch.resources().putIfAbsent(DONE, Boolean.TRUE) == null) {
            keys.preload(subjects(batch.getMessages()));
        }
        return interceptorChain.proceed();
    }

    /** The cases whose events in {@code messages} have personal fields. */
    static List<String> subjects(List<? extends Message<?>> messages) {
        return messages.stream()
                .filter(message -> message instanceof DomainEventMessage<?>
                        && !PersonalFields.of(message.getPayloadType()).isEmpty())
                .map(message -> ((DomainEventMessage<?>) message).getAggregateIdentifier())
                .distinct()
                .toList();
    }
}
