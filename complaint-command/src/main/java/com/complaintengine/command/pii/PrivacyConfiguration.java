package com.complaintengine.command.pii;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts the privacy guard in front of the command bus, so no command reaches an aggregate — and so no
 * event is written — with a national ID or bank card number in it, whichever endpoint sent it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PrivacyProperties.class)
class PrivacyConfiguration {

    @Bean
    PrivacyGuard privacyGuard(PrivacyProperties properties) {
        return new PrivacyGuard(properties.mode());
    }

    @Bean
    SmartInitializingSingleton privacyGuardOnCommandBus(CommandBus commandBus, PrivacyGuard guard) {
        MessageDispatchInterceptor<CommandMessage<?>> interceptor = messages -> (index, message) -> {
            Object payload = message.getPayload();
            Object scrubbed = guard.apply(payload);
            return scrubbed == payload ? message : new GenericCommandMessage<>(
                    new GenericMessage<>(message.getIdentifier(), scrubbed, message.getMetaData()), message.getCommandName());
        };
        return () -> commandBus.registerDispatchInterceptor(interceptor);
    }
}
