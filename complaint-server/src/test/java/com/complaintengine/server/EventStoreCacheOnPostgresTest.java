package com.complaintengine.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.common.jdbc.DataSourceConnectionProvider;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 9: the event store keeps no events in memory for the processors beyond what each reads (the OutOfMemoryError of
 * 2026-12-04). On a database of its own: it appends thousands of events of no complaint.
 */
class EventStoreCacheOnPostgresTest {

    private EmbeddedPostgres database;
    private EmbeddedEventStore store;

    @BeforeEach
    void store() throws Exception {
        database = EmbeddedPostgres.builder().start();
        Flyway.configure().dataSource(database.getPostgresDatabase()).locations("classpath:db/migration").load().migrate();
        JdbcEventStorageEngine storage = JdbcEventStorageEngine.builder()
                .connectionProvider(new DataSourceConnectionProvider(database.getPostgresDatabase()))
                .transactionManager(NoTransactionManager.INSTANCE)
                .schema(new AxonConfiguration().eventSchema())
                .eventSerializer(JacksonSerializer.defaultSerializer())
                .snapshotSerializer(JacksonSerializer.defaultSerializer())
                .build();
        store = AxonConfiguration.withoutSharedCache(EmbeddedEventStore.builder()).storageEngine(storage).build();
    }

    @AfterEach
    void stop() throws Exception {
        store.shutDown();
        database.close();
    }

    @Test
    @DisplayName("a processor that stops reading keeps none of the events another reads on alive, and still reads every one")
    void stalledReaderKeepsNothingAlive() throws Exception {
        try (BlockingStream<TrackedEventMessage<?>> stalled = store.openStream(null);
             BlockingStream<TrackedEventMessage<?>> reading = store.openStream(null)) {
            assertThat(stalled.hasNextAvailable()).isFalse();
            assertThat(reading.hasNextAvailable()).isFalse();

            store.publish(event(0));
            assertThat(stalled.nextAvailable().getPayload()).isEqualTo("event 0");
            assertThat(reading.nextAvailable().getPayload()).isEqualTo("event 0");
            publish(1, 2_500);
            WeakReference<TrackedEventMessage<?>> readOn = new WeakReference<>(reading.nextAvailable());
            for (int i = 2; i <= 2_500; i++) {
                assertThat(reading.nextAvailable().getPayload()).isEqualTo("event " + i);
            }

            // With Axon's shared cache the stalled stream's place keeps every event after it (here for 10 s).
            await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(200)).until(() -> {
                System.gc();
                return readOn.get() == null;
            });
            for (int i = 1; i <= 2_500; i++) {
                assertThat(stalled.nextAvailable().getPayload()).as("the stalled stream, read on").isEqualTo("event " + i);
            }
        }
    }

    @Test
    @DisplayName("no thread reads ahead for the processors: the shared cache's producer never starts")
    void noProducerThread() throws Exception {
        try (BlockingStream<TrackedEventMessage<?>> stream = store.openStream(null)) {
            assertThat(stream.hasNextAvailable()).isFalse();
            publish(0, 9);
            for (int i = 0; i < 10; i++) {
                assertThat(stream.nextAvailable().getPayload()).isEqualTo("event " + i);
            }
            assertThat(stream.hasNextAvailable()).isFalse();
            // Its fetch held the chain where it began while the table kept growing: a million appended events filled
            // the heap (the OutOfMemoryError of 2026-12-04).
            assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
                    .noneMatch(name -> name.startsWith("EmbeddedEventStore"));
        }
    }

    private void publish(int from, int to) {
        for (int start = from; start <= to; start += 500) {
            List<DomainEventMessage<?>> batch = new ArrayList<>();
            for (int i = start; i <= Math.min(to, start + 499); i++) {
                batch.add(event(i));
            }
            store.publish(batch);
        }
    }

    private static DomainEventMessage<?> event(int i) {
        return new GenericDomainEventMessage<>("CacheTest", "cache-test", i, "event " + i);
    }
}
