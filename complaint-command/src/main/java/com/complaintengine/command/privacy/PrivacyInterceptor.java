package com.complaintengine.command.privacy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MetaData;

/**
 * Runs the {@link PrivacyGuard} over each command as it is dispatched, before any handler sees it. Thrown
 * here, {@link PersonalDataRefused} reaches the caller of {@code sendAndWait} as it is, not wrapped.
 */
class PrivacyInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {

    private final PrivacyGuard guard;

    PrivacyInterceptor(PrivacyGuard guard) {
        this.guard = guard;
    }

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, message) -> guarded(message);
    }

    private CommandMessage<?> guarded(CommandMessage<?> message) {
        Object payload = message.getPayload();
        Object guardedPayload = guard.apply(payload);
        MetaData metaData = maskedMetaData(message.getMetaData());
        if (guardedPayload == payload && metaData == message.getMetaData()) {
            return message;
        }
        return new GenericCommandMessage<>(new GenericMessage<>(message.getIdentifier(), guardedPayload, metaData),
                message.getCommandName());
    }

    /** Metadata comes from the authenticated principal, not from what the customer said: masked, never refused. */
    private MetaData maskedMetaData(MetaData metaData) {
        boolean changed = false;
        Map<String, Object> masked = new HashMap<>(metaData);
        for (Map.Entry<String, Object> entry : metaData.entrySet()) {
            if (entry.getValue() instanceof String text) {
                String value = guard.mask(text);
                changed |= !value.equals(text);
                masked.put(entry.getKey(), value);
            }
        }
        return changed ? MetaData.from(masked) : metaData;
    }
}
