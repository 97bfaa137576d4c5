package com.complaintengine.query.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.complaintengine.api.values.Urgency;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class QueryParametersTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    @DisplayName("a date is the start of that day in the report zone; an instant is taken as it is")
    void dates() {
        QueryParameters p = QueryParameters.of(Map.of("from", "2026-11-01", "to", "2026-11-02T00:00:00Z"), SHANGHAI,
                "from", "to");
        assertThat(p.instant("from")).isEqualTo(Instant.parse("2026-10-31T16:00:00Z"));
        assertThat(p.instant("to")).isEqualTo(Instant.parse("2026-11-02T00:00:00Z"));
    }

    @Test
    @DisplayName("enum lists are case-insensitive; an unknown value, parameter, date or limit names the parameter")
    void strictness() {
        QueryParameters p = QueryParameters.of(Map.of("urgency", "urgent, MAJOR", "limit", "500", "from", "yesterday"),
                SHANGHAI, "urgency", "limit", "from");
        assertThat(p.enums("urgency", Urgency.class)).containsExactly(Urgency.URGENT, Urgency.MAJOR);
        assertThatThrownBy(() -> p.integer("limit", 50, 1, 200)).hasMessageContaining("from 1 to 200")
                .extracting(e -> ((BadQueryParameter) e).parameter()).isEqualTo("limit");
        assertThatThrownBy(() -> p.instant("from")).isInstanceOf(BadQueryParameter.class)
                .extracting(e -> ((BadQueryParameter) e).parameter()).isEqualTo("from");
        assertThatThrownBy(() -> QueryParameters.of(Map.of("urgncy", "URGENT"), SHANGHAI, "urgency"))
                .isInstanceOf(BadQueryParameter.class).hasMessageContaining("known: urgency")
                .extracting(e -> ((BadQueryParameter) e).parameter()).isEqualTo("urgncy");
        QueryParameters bad = QueryParameters.of(Map.of("urgency", "SEVERE"), SHANGHAI, "urgency");
        assertThatThrownBy(() -> bad.enums("urgency", Urgency.class)).hasMessageContaining("SEVERE")
                .extracting(e -> ((BadQueryParameter) e).parameter()).isEqualTo("urgency");
        assertThatThrownBy(() -> QueryParameters.period(Instant.EPOCH, Instant.EPOCH))
                .isInstanceOf(BadQueryParameter.class);
    }
}
