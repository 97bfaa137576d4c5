package com.complaintengine.command.sla.calendar;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CalendarProperties.class)
class CalendarConfiguration {

    @Bean
    BusinessCalendars businessCalendars(CalendarProperties properties) {
        return new BusinessCalendars(properties);
    }
}
