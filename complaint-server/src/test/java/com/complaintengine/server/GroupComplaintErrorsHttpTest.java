package com.complaintengine.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Group complaints (002) over HTTP: bad input, unknown groups and refused steps are problems that write nothing. */
class GroupComplaintErrorsHttpTest {

    private static final String TEN_HOUSEHOLDS = """
            {"representatives": [{"name": "Sun", "contact": "137-0000-2222"}],
             "coreDemand": "repair the elevator of unit 1", "headcount": 10,
             "scope": "building 3 unit 1, 10 households", "channel": "HOTLINE"}""";

    private static Engine engine;
    private static Api api;

    @BeforeAll
    static void engine() {
        engine = Engine.shared();
        api = engine.api();
    }

    /** Sends the request and checks it is a problem answer and the event store holds as many events as before. */
    private static Api.Response refused(Supplier<Api.Response> request) {
        long before = engine.eventCount();
        Api.Response response = request.get();
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(engine.eventCount()).as("events after a refused request").isEqualTo(before);
        return response;
    }

    private static List<String> fields(Api.Response response) {
        List<String> fields = new ArrayList<>();
        response.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
        return fields;
    }

    private static String registerTenHouseholds() {
        Api.Response created = api.post("/api/group-complaints", TEN_HOUSEHOLDS);
        assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
        return "/api/group-complaints/" + created.json().get("id").asString();
    }

    @Test
    @DisplayName("000 §2.2: 10 households with one representative are recorded without escalation")
    void tenHouseholdsAreNotEscalated() {
        String base = registerTenHouseholds();

        List<String> types = new ArrayList<>();
        api.get(base + "/history").json().get("events").forEach(e -> types.add(e.get("type").asString()));
        assertThat(types).containsExactly("GroupComplaintRegistered");
    }

    @Test
    @DisplayName("missing and blank elements of a registration are named in one 400")
    void badRegistrationIsBadRequest() {
        Api.Response response = refused(() -> api.post("/api/group-complaints", """
                {"representatives": [{"name": "Sun", "contact": " "}], "coreDemand": "refund deposits",
                 "scope": "200 households", "channel": "WEBSITE"}"""));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("code").asString()).isEqualTo("invalid-request");
        assertThat(fields(response)).containsExactly("headcount", "representatives[0].contact");
    }

    @Test
    @DisplayName("a group step without credentials is a 401 and writes nothing")
    void missingCredentialsAreUnauthorized() {
        Api.Response response = refused(() -> api.anonymous().post("/api/group-complaints", TEN_HOUSEHOLDS, Map.of()));

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().get("code").asString()).isEqualTo("authentication-required");
    }

    @Test
    @DisplayName("an unknown group complaint is a 404 for its commands and its history")
    void unknownGroupIsNotFound() {
        String tooLong = "G-" + "x".repeat(80);
        for (Supplier<Api.Response> request : List.<Supplier<Api.Response>>of(
                () -> api.post("/api/group-complaints/G-no-such-group/read-back",
                        "{\"representative\": \"Sun\", \"channel\": \"phone\"}"),
                () -> api.post("/api/group-complaints/" + tooLong + "/closure", "{}"),
                () -> api.get("/api/group-complaints/G-no-such-group/history"))) {
            Api.Response response = refused(request);
            assertThat(response.status()).isEqualTo(404);
        }
    }

    @Test
    @DisplayName("002: read back to a stranger is 422, a 6th sample 409, an unknown issue 422: nothing written")
    void refusedStepsWriteNothing() {
        String base = registerTenHouseholds();

        Api.Response stranger = refused(() -> api.post(base + "/read-back",
                "{\"representative\": \"Stranger\", \"channel\": \"phone\"}"));
        assertThat(stranger.status()).isEqualTo(422);
        assertThat(stranger.json().get("code").asString()).isEqualTo("not-a-representative");

        for (String member : List.of("3-1-101", "3-1-202", "3-1-303", "3-1-404", "3-1-505")) {
            assertThat(api.post(base + "/verification-samples",
                    "{\"member\": \"" + member + "\", \"finding\": \"elevator log shows 5 stops\", \"claimHeld\": true}")
                          .status()).isEqualTo(204);
        }
        Api.Response sixth = refused(() -> api.post(base + "/verification-samples",
                "{\"member\": \"3-1-606\", \"finding\": \"one more\", \"claimHeld\": true}"));
        assertThat(sixth.status()).isEqualTo(409);
        assertThat(sixth.json().get("code").asString()).isEqualTo("samples-complete");

        Api.Response unknownIssue = refused(() -> api.post(base + "/issues/NO-SUCH/closure", "{\"resolution\": \"x\"}"));
        assertThat(unknownIssue.status()).isEqualTo(422);
        assertThat(unknownIssue.json().get("code").asString()).isEqualTo("unknown-issue");

        Api.Response closure = refused(() -> api.post(base + "/closure", "{}"));
        assertThat(closure.status()).isEqualTo(409);
        assertThat(closure.json().get("code").asString()).isEqualTo("no-issues");
    }
}
