package com.complaintengine.command.classification.suggest;

import com.complaintengine.command.classification.Taxonomy;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SuggestionProperties.class)
class SuggestionConfiguration {

    @Bean
    ClassificationSuggester classificationSuggester(SuggestionProperties properties, Taxonomy taxonomy) {
        return new ClassificationSuggester(properties, taxonomy);
    }
}
