package com.complaintengine.command.escalation;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EscalationProperties.class)
class EscalationConfiguration {

    @Bean
    EscalationPolicy escalationPolicy(EscalationProperties properties) {
        return new EscalationPolicy(properties);
    }
}
