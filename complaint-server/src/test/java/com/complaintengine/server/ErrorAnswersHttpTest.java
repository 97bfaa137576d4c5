package com.complaintengine.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Every refusal is application/problem+json naming the field or rule at fault, and writes no event. */
class ErrorAnswersHttpTest {

    private static Engine engine;
    private static Api api;

    @BeforeAll
    static void engine() {
        engine = Engine.shared();
        api = engine.api();
    }

    /** Sends the request and checks that the event store holds exactly as many events as before. */
    private static Api.Response refused(Supplier<Api.Response> request) {
        long before = engine.eventCount();
        Api.Response response = request.get();
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(engine.eventCount()).as("events after a refused request").isEqualTo(before);
        assertThat(response.raw().body()).doesNotContain("Exception").doesNotContain("at com.");
        return response;
    }

    private static List<String> fields(Api.Response response) {
        List<String> fields = new ArrayList<>();
        response.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
        return fields;
    }

    @Test
    @DisplayName("malformed JSON is a 400")
    void malformedJsonIsBadRequest() {
        Api.Response response = refused(() -> api.post("/api/complaints", "{\"channel\": \"HOTLINE\", "));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("code").asString()).isEqualTo("invalid-request");
    }

    @Test
    @DisplayName("missing intake elements are all named in one 400")
    void missingElementsAreNamed() {
        Api.Response response = refused(() -> api.post("/api/complaints",
                "{\"channel\": \"HOTLINE\", \"customer\": {\"tier\": \"VIP\"}, \"demand\": {\"type\": \"REFUND\"}}"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(fields(response)).containsExactly("customer.contact", "customer.name", "emotion", "expectation",
                "facts", "occurredAt");
    }

    @Test
    @DisplayName("an unknown channel value names the field and the allowed values")
    void unknownEnumValueIsBadRequest() {
        Api.Response response = refused(() -> api.post("/api/complaints",
                Bodies.complaint().replace("\"HOTLINE\"", "\"FAX\"")));

        assertThat(response.status()).isEqualTo(400);
        assertThat(fields(response)).containsExactly("channel");
        assertThat(response.json().get("errors").get(0).get("message").asString()).contains("HOTLINE", "REGULATOR_PLATFORM");
    }

    @Test
    @DisplayName("a negative claimed amount is a 400 on demand.amount.value")
    void negativeAmountIsBadRequest() {
        Api.Response response = refused(() -> api.post("/api/complaints",
                Bodies.complaint().replace("1299.00", "-1")));

        assertThat(response.status()).isEqualTo(400);
        assertThat(fields(response)).containsExactly("demand.amount.value");
    }

    @Test
    @DisplayName("a misspelt field is refused rather than silently dropped")
    void unknownFieldIsBadRequest() {
        Api.Response response = refused(() -> api.post("/api/complaints",
                Bodies.complaint().replace("\"facts\"", "\"fact\"")));

        assertThat(response.status()).isEqualTo(400);
        assertThat(fields(response)).containsExactly("fact");
    }

    @Test
    @DisplayName("an occurredAt in the future is a 400")
    void futureOccurrenceIsBadRequest() {
        Api.Response response = refused(() -> api.post("/api/complaints",
                Bodies.complaint().replace("2026-11-20T08:00:00Z", "2999-01-01T00:00:00Z")));

        assertThat(response.status()).isEqualTo(400);
        assertThat(fields(response)).containsExactly("occurredAt");
    }

    @Test
    @DisplayName("a step without credentials is a 401 and writes nothing (issue 7: the operator is the logged-in user)")
    void missingCredentialsAreUnauthorized() {
        Api.Response response = refused(() -> api.anonymous().post("/api/complaints", Bodies.complaint(), Map.of()));

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().get("code").asString()).isEqualTo("authentication-required");
    }

    @Test
    @DisplayName("a type outside the taxonomy is a 400 on type")
    void unknownTypeIsBadRequest() {
        String id = api.receive();

        Api.Response response = refused(() -> api.post("/api/complaints/" + id + "/classification",
                "{\"type\": \"WEATHER\", \"subtype\": \"RAIN\", \"urgency\": \"GENERAL\"}"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(fields(response)).containsExactly("type");
    }

    @Test
    @DisplayName("unknown complaints are a 404 for commands, state and history")
    void unknownComplaintIsNotFound() {
        for (Supplier<Api.Response> request : List.<Supplier<Api.Response>>of(
                () -> api.post("/api/complaints/no-such-complaint/acknowledgement", Bodies.acknowledgement()),
                () -> api.get("/api/complaints/no-such-complaint"),
                () -> api.get("/api/complaints/no-such-complaint/history"))) {
            Api.Response response = refused(request);
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.json().get("code").asString()).isEqualTo("complaint-not-found");
        }
    }

    @Test
    @DisplayName("classifying twice without reclassification is a 409 already-classified")
    void classifyingTwiceIsConflict() {
        String id = api.receive();
        api.post("/api/complaints/" + id + "/classification", Bodies.classification());

        Api.Response response = refused(() -> api.post("/api/complaints/" + id + "/classification", Bodies.classification()));

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.json().get("code").asString()).isEqualTo("already-classified");
    }

    @Test
    @DisplayName("archiving an unresolved complaint is a 409 not-resolved (001 §2.4)")
    void archivingUnresolvedIsConflict() {
        String id = api.receive();

        Api.Response response = refused(() -> api.post("/api/complaints/" + id + "/archive", Bodies.archive()));

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.json().get("code").asString()).isEqualTo("not-resolved");
    }

    @Test
    @DisplayName("resolving an archived complaint is a 409 archived")
    void resolvingArchivedIsConflict() {
        String id = api.receive();
        String base = "/api/complaints/" + id;
        api.post(base + "/classification", Bodies.classification());
        api.post(base + "/acknowledgement", Bodies.acknowledgement());
        api.post(base + "/resolution", Bodies.resolution());
        assertThat(api.post(base + "/archive", Bodies.archive()).status()).isEqualTo(204);

        Api.Response response = refused(() -> api.post(base + "/resolution", Bodies.resolution()));

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.json().get("code").asString()).isEqualTo("archived");
    }

    @Test
    @DisplayName("a refund without an amount is a 422 amount-required")
    void refundWithoutAmountIsUnprocessable() {
        String id = api.receive();
        String base = "/api/complaints/" + id;
        api.post(base + "/classification", Bodies.classification());
        api.post(base + "/acknowledgement", Bodies.acknowledgement());

        Api.Response response = refused(() -> api.post(base + "/resolution",
                "{\"remedy\": \"REFUND\", \"summary\": \"refunded\"}"));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("code").asString()).isEqualTo("amount-required");
    }

    @Test
    @DisplayName("a retried intake with the same Idempotency-Key returns the first id and writes nothing")
    void idempotencyKeyReturnsFirstAnswer() {
        Map<String, String> headers = Map.of("Idempotency-Key", "retry-" + System.nanoTime());
        Api.Response first = api.post("/api/complaints", Bodies.complaint(), headers);
        assertThat(first.status()).isEqualTo(201);

        long before = engine.eventCount();
        Api.Response again = api.post("/api/complaints", Bodies.complaint(), headers);

        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(engine.eventCount()).isEqualTo(before);
    }

    @Test
    @DisplayName("the same Idempotency-Key with another body is a 422")
    void idempotencyKeyWithOtherBodyIsUnprocessable() {
        Map<String, String> headers = Map.of("Idempotency-Key", "reuse-" + System.nanoTime());
        assertThat(api.post("/api/complaints", Bodies.complaint(), headers).status()).isEqualTo(201);

        Api.Response response = refused(() -> api.post("/api/complaints",
                Bodies.complaint().replace("wants a replacement unit", "wants a refund"), headers));

        assertThat(response.status()).isEqualTo(422);
        JsonNode problem = response.json();
        assertThat(problem.get("code").asString()).isEqualTo("idempotency-key-reused");
    }
}
