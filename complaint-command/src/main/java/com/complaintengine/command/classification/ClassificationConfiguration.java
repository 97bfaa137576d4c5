package com.complaintengine.command.classification;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ClassificationProperties.class)
class ClassificationConfiguration {

    @Bean
    Taxonomy taxonomy(ClassificationProperties properties) {
        return new Taxonomy(properties.taxonomy());
    }

    @Bean
    ResponsibilityMatrix responsibilityMatrix(ClassificationProperties properties, Taxonomy taxonomy) {
        ResponsibilityMatrix matrix = new ResponsibilityMatrix(properties.matrixVersion(), properties.routing());
        matrix.requireRouteForEvery(taxonomy.types());
        return matrix;
    }
}
