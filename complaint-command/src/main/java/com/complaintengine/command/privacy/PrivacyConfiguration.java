package com.complaintengine.command.privacy;

import org.axonframework.commandhandling.CommandBus;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts the privacy guard in front of the command bus itself, so every command, from any endpoint or gateway,
 * is guarded before an aggregate sees it and so before any event is written.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PrivacyProperties.class)
class PrivacyConfiguration {

    @Bean
    PrivacyGuard privacyGuard(PrivacyProperties properties) {
        return new PrivacyGuard(properties.mode());
    }

    /**
     * Registered once every bean exists, which is before the web server takes its first request; not a bean
     * itself, since Axon would then register it on the gateway a second time.
     */
    @Bean
    SmartInitializingSingleton privacyGuardOnCommandBus(CommandBus commandBus, PrivacyGuard guard) {
        return () -> commandBus.registerDispatchInterceptor(new PrivacyInterceptor(guard));
    }
}
