package com.complaintengine.command.ids;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.axonframework.common.IdentifierFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {

    @Test
    @DisplayName("an id is a version 7 UUID of the IETF variant holding the millisecond it was made at")
    void versionVariantAndInstant() {
        long millis = 1_796_470_000_123L;
        UUID id = TimeOrderedIds.at(millis);

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(TimeOrderedIds.epochMillis(id)).isEqualTo(millis);
        assertThat(id.toString()).startsWith("01a245f4-c9fb-7").hasSize(36);
        assertThat(UUID.fromString(id.toString())).isEqualTo(id);
    }

    @Test
    @DisplayName("ids of later milliseconds sort after earlier ones as text (the byte order of the indexes' keys)")
    void laterIdsSortAfter() {
        List<String> made = new ArrayList<>();
        for (long millis = 1_796_470_000_000L; millis < 1_796_470_000_000L + 2_000; millis += 7) {
            made.add(TimeOrderedIds.at(millis).toString());
        }
        assertThat(made).isSorted();
    }

    @Test
    @DisplayName("ids of one millisecond differ: 74 random bits each")
    void idsOfOneMillisecondDiffer() {
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            ids.add(TimeOrderedIds.at(1_796_470_000_000L));
        }
        assertThat(ids).hasSize(100_000);
    }

    @Test
    @DisplayName("now is now, and instants outside 48 bits of milliseconds are refused")
    void nowAndRange() {
        long before = System.currentTimeMillis();
        long made = TimeOrderedIds.epochMillis(TimeOrderedIds.next());
        assertThat(made).isBetween(before, System.currentTimeMillis());
        assertThatThrownBy(() -> TimeOrderedIds.at(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TimeOrderedIds.at(1L << 48)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TimeOrderedIds.epochMillis(UUID.randomUUID()))
                .hasMessageContaining("version 4");
    }

    @Test
    @DisplayName("Axon makes its message identifiers here (found through META-INF/services)")
    void axonUsesTheFactory() {
        assertThat(IdentifierFactory.getInstance()).isInstanceOf(TimeOrderedIdentifierFactory.class);
        assertThat(UUID.fromString(IdentifierFactory.getInstance().generateIdentifier()).version()).isEqualTo(7);
    }
}
