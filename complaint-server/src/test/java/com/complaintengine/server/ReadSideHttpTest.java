package com.complaintengine.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The read side's endpoints over HTTP: refusals as problems, the case library, asOf and admin answers. */
class ReadSideHttpTest {

    private final Engine engine = Engine.shared();
    private final Api api = engine.api();

    @Test
    @DisplayName("a bad filter, date, limit, cursor or unknown parameter is a 400 problem naming it")
    void badParametersNameTheParameter() {
        assertParameter("/api/complaints?urgency=SEVERE", "urgency");
        assertParameter("/api/complaints?limit=0", "limit");
        assertParameter("/api/complaints?cursor=nonsense", "cursor");
        assertParameter("/api/complaints?sort=random", "sort");
        assertParameter("/api/complaints?stauts=RESOLVED", "stauts");
        assertParameter("/api/complaints?receivedFrom=2026-11-02&receivedTo=2026-11-01", "to");
        assertParameter("/api/dashboard/sla?from=last-week", "from");
        assertParameter("/api/reports/responsibility?format=xlsx", "format");
        assertParameter("/api/reports/trends?granularity=week", "granularity");
        assertParameter("/api/complaints/C-1/history?type=NoSuchEvent", "type");
        String id = api.receive();
        assertParameter("/api/complaints/" + id + "?asOf=yesterday", "asOf");
    }

    private void assertParameter(String path, String parameter) {
        Api.Response response = api.get(path);
        assertThat(response.status()).as(path).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("errors").get(0).get("field").asString()).as(path).isEqualTo(parameter);
    }

    @Test
    @DisplayName("asOf before the complaint existed is a 404; at its receipt it is RECEIVED; now it is classified")
    void asOfAnswers() {
        String id = api.receive();
        assertThat(api.post("/api/complaints/" + id + "/classification", Bodies.classification()).status())
                .isEqualTo(204);
        JsonNode history = api.get("/api/complaints/" + id + "/history").json().get("events");
        String receivedAt = history.get(0).get("occurredAt").asString();
        assertThat(api.get("/api/complaints/" + id + "?asOf=" + Instant.parse(receivedAt).minusMillis(1)).status())
                .isEqualTo(404);
        JsonNode atReceipt = api.get("/api/complaints/" + id + "?asOf=" + receivedAt).json();
        assertThat(atReceipt.get("status").asString()).isEqualTo("RECEIVED");
        assertThat(atReceipt.get("classification").isNull()).isTrue();
        JsonNode now = api.get("/api/complaints/" + id + "?asOf=" + Instant.now().plusSeconds(1)).json();
        assertThat(now.get("status").asString()).isEqualTo("CLASSIFIED");
        assertThat(now.get("version").asLong())
                .isEqualTo(api.get("/api/complaints/" + id + "/history").json().get("events").size() - 1);
        JsonNode filtered = api.get("/api/complaints/" + id + "/history?type=ComplaintClassified").json();
        assertThat(filtered.get("events").size()).isEqualTo(1);
        assertThat(api.get("/api/complaints/" + id + "/history?from=2000-01-01&to=2000-01-02").json()
                .get("events").size()).isZero();
    }

    @Test
    @DisplayName("004 §5: only a resolved complaint becomes a typical case; then the library finds it by its words")
    void caseLibrary() {
        String id = api.receive();
        api.post("/api/complaints/" + id + "/classification", Bodies.classification());
        String typical = """
                {"scenario": "a washer that restarts after power-on, elderly customer", "wording": "We are sorry; the
                 board is replaced today at no cost.", "tags": ["appliance", "elderly-%s"]}""".formatted(id.substring(0, 8))
                .replace("\n", "");
        Api.Response early = api.post("/api/complaints/" + id + "/typical-case", typical);
        assertThat(early.status()).as(early.raw().body()).isEqualTo(409);
        assertThat(early.json().get("code").asString()).isEqualTo("not-resolved");
        assertThat(api.post("/api/complaints/" + id + "/typical-case", "{\"scenario\": \"\", \"wording\": \"x\"}")
                .json().get("errors").get(0).get("field").asString()).isEqualTo("scenario");

        api.post("/api/complaints/" + id + "/acknowledgement", Bodies.acknowledgement());
        assertThat(api.post("/api/complaints/" + id + "/resolution", Bodies.resolution()).status()).isEqualTo(204);
        assertThat(api.post("/api/complaints/" + id + "/typical-case", typical).status()).isEqualTo(204);

        JsonNode found = Awaitility.await().atMost(Duration.ofSeconds(10)).until(
                () -> api.get("/api/case-library?tag=elderly-" + id.substring(0, 8)).json().get("items"), items -> items.size() == 1)
                .get(0);
        assertThat(found.get("complaintId").asString()).isEqualTo(id);
        assertThat(found.get("type").asString()).isEqualTo("PRODUCT");
        assertThat(found.get("remedy").asString()).isEqualTo("COMPENSATION");
        assertThat(found.get("amount").decimalValue()).isEqualByComparingTo("300.50");
        assertThat(found.get("markedBy").asString()).isEqualTo(Api.OPERATOR);
        assertThat(api.get("/api/case-library?q=RESTARTS%20after&limit=100").json().get("items").toString())
                .contains(id);
        assertThat(api.get("/api/case-library?q=no-such-words-anywhere").json().get("items").size()).isZero();
    }

    @Test
    @DisplayName("projection status lists both projections; an unknown projection is a 404 problem")
    void projectionAdmin() {
        JsonNode statuses = api.get("/api/admin/projections").json().get("projections");
        assertThat(statuses.size()).isEqualTo(2);
        assertThat(statuses.get(0).get("name").asString()).isEqualTo("complaint-summary");
        assertThat(statuses.get(0).get("running").asBoolean()).isTrue();
        Api.Response unknown = api.post("/api/admin/projections/publisher/rebuild", "");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("code").asString()).isEqualTo("projection-not-found");
    }
}
