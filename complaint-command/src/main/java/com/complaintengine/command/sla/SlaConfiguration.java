package com.complaintengine.command.sla;

import com.complaintengine.command.sla.calendar.BusinessCalendars;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SlaProperties.class)
class SlaConfiguration {

    @Bean
    SlaPolicy slaPolicy(SlaProperties properties, BusinessCalendars calendars) {
        return new SlaPolicy(properties, calendars);
    }
}
