package com.complaintengine.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintengine.command.pii.PersonalNumbers;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * 001 §1.3 end to end: complaints whose free text carries national ID and bank card numbers are stored,
 * served and logged without them, while phones and amounts stay as written.
 */
@ExtendWith(OutputCaptureExtension.class)
class PrivacyGuardHttpTest {

    private static Engine engine;

    @BeforeAll
    static void engine() {
        engine = Engine.shared();
    }

    @Test
    @DisplayName("001 §1.3: zero planted numbers in events, projections, answers or logs; ordinary numbers kept")
    void noPersonalNumberLeaks(CapturedOutput output) {
        Api api = engine.api();
        PersonalNumbers numbers = new PersonalNumbers(7L);
        List<String> secrets = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        List<String> bodies = new ArrayList<>();
        String phone = "139-2222-3333";
        for (int i = 0; i < 60; i++) {
            String id = numbers.nationalId();
            String card = numbers.written(numbers.cardNumber());
            String legacy = numbers.legacyId();
            secrets.addAll(List.of(id, card, legacy));
            String body = Bodies.complaint()
                    .replace("\"Wang Fang\"", "\"Wang Fang " + id + "\"")
                    .replace("138-0000-1111", phone)
                    .replace("restarts 3 times within 5 minutes of power-on",
                            "charged twice to card " + card + " on order 4111111111111112")
                    .replace("wants a replacement unit", "refund to the card; my old ID was " + legacy)
                    .replace("400 hotline, option 2", "hotline; ID " + id);
            Api.Response created = api.post("/api/complaints", body);
            assertThat(created.status()).isEqualTo(201);
            String complaintId = created.json().get("id").asString();
            ids.add(complaintId);
            bodies.add(created.raw().body());
            Api.Response classified = api.post("/api/complaints/" + complaintId + "/classification", Bodies.classification());
            assertThat(classified.status()).isEqualTo(204);
            Api.Response acknowledged = api.post("/api/complaints/" + complaintId + "/acknowledgement",
                    "{\"channel\": \"phone\", \"message\": \"we will refund card " + card + "\"}");
            assertThat(acknowledged.status()).isEqualTo(204);
        }
        for (String id : ids) {
            bodies.add(api.awaitProjected(id).toString());
            bodies.add(api.get("/api/complaints/" + id + "/history").raw().body());
        }

        JdbcTemplate jdbc = engine.jdbc();
        String stored = String.join("\n", jdbc.queryForList(
                "select convert_from(payload, 'UTF8') || coalesce(convert_from(meta_data, 'UTF8'), '') from domain_event_entry",
                String.class));
        String projected = String.join("\n", jdbc.queryForList("select document::text from complaint_summary", String.class));
        String answers = String.join("\n", bodies);
        String logs = output.getAll();
        for (String secret : secrets) {
            String digits = secret.replaceAll("[ -]", "");
            for (String where : List.of(stored, projected, answers, logs)) {
                assertThat(where).doesNotContain(secret).doesNotContain(digits);
            }
        }
        assertThat(answers).contains(phone).contains("4111111111111112").contains("[ID ****").contains("[CARD ****");
        assertThat(stored).contains(phone).contains("1299.00");
    }

    @Test
    @DisplayName("001 §1.3: a psql-style search over the whole event table finds no ID or card number")
    void eventTableHoldsNoPersonalNumbers() {
        engine.api().post("/api/complaints", Bodies.complaint().replace("wants a replacement unit",
                "refund to 6222 0212 3456 7890 128 please"));
        List<String> hits = engine.jdbc().queryForList("""
                select convert_from(payload, 'UTF8') from domain_event_entry
                 where convert_from(payload, 'UTF8') ~ '[1-8][0-9]{5}(19|20)[0-9]{2}[01][0-9][0-3][0-9]{4}[0-9Xx]'
                    or convert_from(payload, 'UTF8') ~ '6222[ -]?0212'""", String.class);
        assertThat(hits).isEmpty();
    }
}
