package com.complaintengine.command.intake;

import com.complaintengine.api.values.ComplaintId;
import com.complaintengine.command.ids.TimeOrderedIds;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class IntakeConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ComplaintIdGenerator complaintIdGenerator() {
        return () -> ComplaintId.of(TimeOrderedIds.next().toString());
    }
}
