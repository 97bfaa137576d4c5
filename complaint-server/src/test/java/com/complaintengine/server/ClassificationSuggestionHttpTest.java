package com.complaintengine.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** 004 §3 over HTTP: the suggestion before intake, and what the agent did with it in the history. */
class ClassificationSuggestionHttpTest {

    private static Engine engine;
    private static Api api;

    @BeforeAll
    static void engine() {
        engine = Engine.shared();
        api = engine.api();
    }

    @Test
    @DisplayName("the intake form gets a suggestion with its reasons, and no event is written")
    void suggestsBeforeIntake() {
        long before = engine.eventCount();

        Api.Response answer = api.post("/api/classification/suggestions",
                "{\"facts\": \"购买后第7天, 开机5分钟后自动重启3次\", \"expectation\": \"退货\"}");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("tag").asString()).isEqualTo("PRODUCT-QUALITY-GENERAL");
        assertThat(answer.json().get("reasons").get(0).asString()).contains("'重启'");
        assertThat(engine.eventCount()).isEqualTo(before);
        assertThat(api.post("/api/classification/suggestions", "{\"expectation\": \"x\"}").status()).isEqualTo(400);
    }

    @Test
    @DisplayName("the suggestion is recorded at intake, and the classification says it was overridden")
    void recordsSuggestionAndOverride() {
        String id = api.receive();
        api.post("/api/complaints/" + id + "/classification",
                "{\"type\": \"PRODUCT\", \"subtype\": \"QUALITY\", \"urgency\": \"URGENT\"}");

        JsonNode events = api.get("/api/complaints/" + id + "/history").json().get("events");
        JsonNode suggested = events.get(0).get("payload").get("suggestedClassification");
        assertThat(List.of(suggested.get("type").asString(), suggested.get("subtype").asString(),
                suggested.get("urgency").asString())).containsExactly("PRODUCT", "QUALITY", "GENERAL");
        assertThat(events.get(3).get("type").asString()).isEqualTo("ComplaintClassified");
        assertThat(events.get(3).get("payload").get("suggestion").asString()).isEqualTo("OVERRIDDEN");
    }
}
