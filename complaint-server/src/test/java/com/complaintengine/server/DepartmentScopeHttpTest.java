package com.complaintengine.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 7: handlers see and act only on complaints routed to their department; for any other the engine answers
 * exactly as for an unknown id, reads and commands alike, so the complaint's existence is not revealed.
 */
class DepartmentScopeHttpTest {

    private static final String HASH = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private static final String EVIDENCE = "{\"source\": \"SYSTEM\", \"description\": \"fault log\", "
            + "\"reference\": \"crm://logs/1\", \"contentHash\": \"" + HASH + "\"}";

    private static Engine engine;
    private static Api api;

    @BeforeAll
    static void engine() {
        engine = Engine.shared();
        api = engine.api();
    }

    /** A PRODUCT complaint: routed to technology (primary), quality and customer-service (cooperating). */
    private static String productComplaint() {
        String id = api.receive();
        assertThat(api.post("/api/complaints/" + id + "/classification", Bodies.classification()).status()).isEqualTo(204);
        api.awaitProjected(id);
        return id;
    }

    /** The body with the id in it replaced, to compare the answers for two ids. */
    private static String withoutId(Api.Response response, String id) {
        return response.raw().body().replace(id, "<id>");
    }

    @Test
    @DisplayName("a handler of the complaint's department reads it, its history, and acts on it")
    void handlerOfTheDepartmentWorksTheCase() {
        String id = productComplaint();
        Api handler = api.as(Api.HANDLER);

        assertThat(handler.get("/api/complaints/" + id).status()).isEqualTo(200);
        assertThat(handler.get("/api/complaints/" + id + "/history").status()).isEqualTo(200);
        assertThat(handler.post("/api/complaints/" + id + "/evidence", EVIDENCE).status()).isEqualTo(204);
    }

    @Test
    @DisplayName("a handler of another department gets the unknown-id 404 for reads and commands, and writes nothing")
    void handlerOfAnotherDepartmentSeesNothing() {
        String id = productComplaint();
        Api other = api.as(Api.OTHER_HANDLER);
        String unknown = "C-no-such-complaint";
        long before = engine.eventCount();

        for (String path : new String[] {"", "/history"}) {
            Api.Response hidden = other.get("/api/complaints/" + id + path);
            Api.Response missing = other.get("/api/complaints/" + unknown + path);
            assertThat(hidden.status()).isEqualTo(404);
            assertThat(hidden.contentType()).startsWith("application/problem+json");
            assertThat(withoutId(hidden, id)).isEqualTo(withoutId(missing, unknown));
            // The same answer an auditor, who may read every case, gets for an id that does not exist.
            assertThat(withoutId(hidden, id)).isEqualTo(withoutId(api.as(Api.AUDITOR).get("/api/complaints/" + unknown + path), unknown));
        }
        Api.Response hidden = other.post("/api/complaints/" + id + "/evidence", EVIDENCE);
        Api.Response missing = api.as(Api.SUPERVISOR).post("/api/complaints/" + unknown + "/evidence", EVIDENCE);
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(withoutId(hidden, id)).isEqualTo(withoutId(missing, unknown));
        assertThat(engine.eventCount()).isEqualTo(before);
    }

    @Test
    @DisplayName("a complaint not yet classified is routed nowhere: no handler sees it")
    void unclassifiedComplaintIsHidden() {
        String id = api.receive();
        api.awaitProjected(id);

        assertThat(api.as(Api.HANDLER).get("/api/complaints/" + id).status()).isEqualTo(404);
        assertThat(api.as(Api.HANDLER).post("/api/complaints/" + id + "/evidence", EVIDENCE).status()).isEqualTo(404);
    }

    @Test
    @DisplayName("assigned by a supervisor to a handler of another department, that department works the case")
    void assignmentOpensTheCaseToTheDepartment() {
        String id = productComplaint();
        assertThat(api.as(Api.SUPERVISOR).post("/api/complaints/" + id + "/assignment",
                "{\"handler\": \"" + Api.OTHER_HANDLER + "\", \"department\": \"logistics\"}").status()).isEqualTo(204);

        Api other = api.as(Api.OTHER_HANDLER);
        assertThat(other.post("/api/complaints/" + id + "/evidence", EVIDENCE).status()).isEqualTo(204);
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                  .until(() -> other.get("/api/complaints/" + id).status() == 200);
    }
}
