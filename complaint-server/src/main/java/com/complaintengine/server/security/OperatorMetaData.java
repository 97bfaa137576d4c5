package com.complaintengine.server.security;

import com.complaintengine.api.values.MetaDataKeys;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/**
 * Completes the who-did-it of every event a person's command produces: the role the step was performed in and
 * the operator's department, from the command's metadata, which the server set from the authenticated principal.
 * Events of automatic steps (operator {@code system}) get neither, and the command-only department scope is
 * never copied.
 */
class OperatorMetaData implements MessageDispatchInterceptor<EventMessage<?>> {

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        return (index, event) -> {
            if (!CurrentUnitOfWork.isStarted()) {
                return event;
            }
            Message<?> handled = CurrentUnitOfWork.get().getMessage();
            if (!(handled instanceof CommandMessage<?> command)) {
                return event;
            }
            MetaData from = command.getMetaData();
            Object operator = from.get(MetaDataKeys.OPERATOR);
            if (operator == null || !operator.equals(event.getMetaData().get(MetaDataKeys.OPERATOR))) {
                return event;
            }
            Map<String, Object> who = new HashMap<>();
            copy(from, MetaDataKeys.OPERATOR_ROLE, who);
            copy(from, MetaDataKeys.OPERATOR_DEPARTMENT, who);
            return who.isEmpty() ? event : event.andMetaData(who);
        };
    }

    private static void copy(MetaData from, String key, Map<String, Object> to) {
        Object value = from.get(key);
        if (value != null) {
            to.put(key, value);
        }
    }
}
