package com.complaintengine.command.resolution;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ResolutionProperties.class)
class ResolutionConfiguration {

    @Bean
    RemedyAuthority remedyAuthority(ResolutionProperties properties) {
        return new RemedyAuthority(properties);
    }
}
