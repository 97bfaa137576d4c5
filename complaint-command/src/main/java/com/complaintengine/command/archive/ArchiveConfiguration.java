package com.complaintengine.command.archive;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ArchiveProperties.class)
class ArchiveConfiguration {

    @Bean
    RetentionPolicy retentionPolicy(ArchiveProperties properties) {
        return new RetentionPolicy(properties);
    }
}
