package com.complaintengine.query.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FeedPropertiesTest {

    @Test
    @DisplayName("issue 6: the feed's defaults — 10 s gap timeout, pages of 100 up to 1000, 100 streams")
    void defaults() {
        FeedProperties defaults = FeedProperties.defaults();
        assertThat(defaults.gapTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(defaults.defaultLimit()).isEqualTo(100);
        assertThat(defaults.maxLimit()).isEqualTo(1000);
        assertThat(defaults.maxSubscribers()).isEqualTo(100);
    }

    @Test
    @DisplayName("issue 6: inconsistent feed settings are refused at start")
    void refusesInconsistentSettings() {
        assertThatThrownBy(() -> new FeedProperties(Duration.ofSeconds(-1), null, null, null, null, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FeedProperties(null, 500, 100, null, null, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("issue 6: a filter passes an event only when its type and complaint match")
    void filter() {
        FeedFilter filter = new FeedFilter(Set.of("ComplaintReceived"), "C-1");
        assertThat(filter.accepts("ComplaintReceived", "C-1")).isTrue();
        assertThat(filter.accepts("ComplaintResolved", "C-1")).isFalse();
        assertThat(filter.accepts("ComplaintReceived", "C-2")).isFalse();
        assertThat(FeedFilter.ALL.accepts("Anything", "G-9")).isTrue();
    }
}
