package com.complaintengine.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintengine.command.privacy.PersonalNumberDetector;
import com.complaintengine.command.privacy.PersonalNumbers;
import com.complaintengine.command.privacy.PersonalNumbers.Planted;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * 001 §1.3 end to end: national ID and bank card numbers typed into any free-text field of any endpoint are
 * neither stored (events, metadata, projections, deadlines), nor served, nor logged; phones, order numbers
 * and amounts stay as written.
 */
@ExtendWith(OutputCaptureExtension.class)
class PrivacyGuardHttpTest {

    private static final Logger log = LoggerFactory.getLogger(PrivacyGuardHttpTest.class);
    private static final int COMPLAINTS = 70;

    private static Engine engine;

    @BeforeAll
    static void engine() {
        engine = Engine.shared();
    }

    private static String json(Map<String, ?> body) {
        return Api.JSON.writeValueAsString(body);
    }

    private static Map<String, Object> complaint(String name, String contact, String channelDetail, String facts,
                                                 String expectation, String emotion) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("channel", "HOTLINE");
        body.put("channelDetail", channelDetail);
        body.put("customer", Map.of("name", name, "contact", contact, "tier", "VIP"));
        body.put("occurredAt", "2026-11-20T08:00:00Z");
        body.put("facts", facts);
        body.put("expectation", expectation);
        body.put("demand", Map.of("type", "REFUND", "amount", Map.of("value", "1299.00", "currency", "CNY")));
        body.put("emotion", emotion);
        body.put("specialCircumstances", List.of("ELDERLY"));
        return body;
    }

    private static void expect(Api.Response response, int status, List<String> answers) {
        answers.add(response.raw().body());
        assertThat(response.status()).as(response.raw().body()).isEqualTo(status);
    }

    @Test
    @DisplayName("001 §1.3: zero planted numbers in events, projections, deadlines, answers or logs; ordinary numbers kept")
    void noPersonalNumberLeaks(CapturedOutput output) {
        log.info("privacy-capture-probe");
        Api api = engine.api();
        PersonalNumbers numbers = new PersonalNumbers(20261123L);
        List<Planted> secrets = new ArrayList<>();
        List<String> answers = new ArrayList<>();
        List<String> phones = new ArrayList<>();
        List<String> orders = new ArrayList<>();
        Map<String, List<Planted>> plantedIn = new LinkedHashMap<>();

        for (int i = 0; i < COMPLAINTS; i++) {
            Planted name = new Planted(numbers.nationalId(), PersonalNumberDetector.Kind.NATIONAL_ID);
            Planted card = new Planted(numbers.written(numbers.cardNumber()), PersonalNumberDetector.Kind.BANK_CARD);
            List<Planted> more = List.of(numbers.secret(), numbers.secret(), numbers.secret(), numbers.secret(),
                    numbers.secret());
            String phone = String.format("139-%04d-3333", i);
            String order = numbers.orderNumber();
            phones.add(phone);
            orders.add(order);

            Api.Response created = api.post("/api/complaints", json(complaint("Wang Fang " + name.written(), phone,
                    "400-820-8820, ID " + more.get(0).written(),
                    "charged twice to card " + card.written() + " on 2026-11-20 at 08:00 for order " + order,
                    "refund 1299.00 CNY to the card; my ID is " + more.get(1).written(),
                    "calm, read out " + more.get(2).written() + " twice")));
            expect(created, 201, answers);
            String id = created.json().get("id").asString();
            String base = "/api/complaints/" + id;
            expect(api.post(base + "/classification", Bodies.classification()), 204, answers);
            expect(api.post(base + "/acknowledgement", json(Map.of("channel", "phone",
                    "message", "we will refund card " + card.written(),
                    "promise", "call back within 24 h from 400-820-8820"))), 204, answers);
            expect(api.post(base + "/escalations", json(Map.of("level", "MAJOR",
                    "reason", "customer posted ID " + more.get(3).written() + " on Weibo"))), 204, answers);
            expect(api.post(base + "/communications", json(Map.of("direction", "FROM_CUSTOMER", "channel", "phone",
                    "content", "please use " + more.get(4).written() + ", call " + phone))), 204, answers);

            List<Planted> planted = new ArrayList<>(List.of(name, card));
            planted.addAll(more);
            plantedIn.put(id, planted);
            secrets.addAll(planted);
        }
        for (int g = 0; g < 3; g++) {
            Planted representative = numbers.secret();
            Planted demand = numbers.secret();
            secrets.addAll(List.of(representative, demand));
            Api.Response group = api.post("/api/group-complaints", json(Map.of(
                    "representatives", List.of(Map.of("name", "Sun " + representative.written(), "contact", "137-0000-2222"),
                            Map.of("name", "Zhou", "contact", "137-0000-3333"),
                            Map.of("name", "Wu", "contact", "137-0000-4444")),
                    "coreDemand", "refund deposits to " + demand.written(), "headcount", 86,
                    "scope", "buildings 3-5, 86 households", "channel", "STORE_COUNTER")));
            expect(group, 201, answers);
        }
        Planted unknownId = new Planted(numbers.written(numbers.cardNumber()).replace(' ', '-'),
                PersonalNumberDetector.Kind.BANK_CARD);
        secrets.add(unknownId);
        expect(api.post("/api/complaints/" + unknownId.written() + "/escalations", Bodies.escalation()), 404, answers);
        expect(api.get("/api/complaints/" + unknownId.written()), 404, answers);
        expect(api.get("/api/complaints/" + unknownId.written() + "/history"), 404, answers);

        List<String> histories = new ArrayList<>();
        for (Map.Entry<String, List<Planted>> complaint : plantedIn.entrySet()) {
            Api.Response history = api.get("/api/complaints/" + complaint.getKey() + "/history");
            assertThat(history.status()).as(history.raw().body()).isEqualTo(200);
            histories.add(history.raw().body());
            JsonNode state = api.awaitProjected(complaint.getKey());
            answers.add(state.toString());
            answers.add(history.raw().body());
            for (Planted secret : complaint.getValue()) {
                assertThat(history.raw().body()).as("the history shows the mask instead").contains(secret.mask());
            }
        }

        JdbcTemplate jdbc = engine.jdbc();
        Map<String, String> stores = new LinkedHashMap<>();
        stores.put("domain_event_entry", String.join("\n", jdbc.queryForList(
                "select convert_from(payload, 'UTF8') || coalesce(convert_from(meta_data, 'UTF8'), '') from domain_event_entry",
                String.class)));
        // Issue 7: personal fields are ciphertext at rest; the events as every reader gets them are the histories.
        stores.put("events as read", String.join("\n", histories));
        stores.put("snapshot_event_entry", String.join("\n", jdbc.queryForList(
                "select convert_from(payload, 'UTF8') from snapshot_event_entry", String.class)));
        stores.put("complaint_summary", String.join("\n", jdbc.queryForList(
                "select document::text from complaint_summary", String.class)));
        stores.put("scheduled_tasks", String.join("\n", jdbc.queryForList(
                "select coalesce(encode(task_data, 'escape'), '') from scheduled_tasks", String.class)));
        stores.put("answers", String.join("\n", answers));
        stores.put("logs", output.getAll());

        assertThat(stores.get("logs")).as("the capture holds the application's log lines").contains("privacy-capture-probe");
        assertThat(secrets).hasSizeGreaterThanOrEqualTo(COMPLAINTS * 7);
        for (Planted secret : secrets) {
            for (Map.Entry<String, String> store : stores.entrySet()) {
                assertThat(store.getValue()).as(store.getKey() + " holds no " + secret.kind().code())
                        .doesNotContain(secret.written())
                        .doesNotContain(secret.compact())
                        .doesNotContain(secret.compact().toLowerCase());
            }
        }
        for (String store : List.of("domain_event_entry", "complaint_summary")) {
            assertThat(recognised(stores.get(store))).as("numbers the detector recognises in " + store).isEmpty();
        }

        assertThat(stores.get("domain_event_entry")).as("personal fields are encrypted at rest").contains("enc:v1:");
        for (String store : List.of("events as read", "complaint_summary", "answers")) {
            assertThat(stores.get(store)).as(store + " keeps ordinary numbers as written")
                    .contains(phones).contains(orders).contains("400-820-8820", "1299.00");
        }
        assertThat(stores.get("answers")).contains("[ID ****", "[CARD ****");
    }

    /** Each number the detector finds, with the text around it. */
    private static List<String> recognised(String text) {
        return new PersonalNumberDetector().find(text).stream()
                .map(f -> text.substring(Math.max(0, f.start() - 80), Math.min(text.length(), f.end() + 20))).toList();
    }

    @Test
    @DisplayName("001 §1.3 refuse mode: 422 personal-data-refused naming the fields, no event, no idempotency key kept")
    void refuseModeAnswers422(CapturedOutput output) {
        Engine refusing = Engine.start(Engine.newDataDirectory(), "--complaint.privacy.mode=refuse");
        try {
            Api api = refusing.api();
            PersonalNumbers numbers = new PersonalNumbers(11L);
            Planted nationalId = new Planted(numbers.nationalIdEndingInX(), PersonalNumberDetector.Kind.NATIONAL_ID);
            Planted bankCard = new Planted(numbers.written(numbers.cardNumber()), PersonalNumberDetector.Kind.BANK_CARD);
            String id = nationalId.written();
            String card = bankCard.written();
            long before = refusing.eventCount();
            Map<String, String> key = Map.of("Idempotency-Key", "privacy-refuse-1");

            Api.Response refused = api.post("/api/complaints", json(complaint("Wang Fang " + id, "138-0000-1111",
                    "400 hotline", "charged twice to card " + card, "refund", "calm")), key);

            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().get("code").asString()).isEqualTo("personal-data-refused");
            List<String> fields = new ArrayList<>();
            refused.json().get("errors").forEach(e -> fields.add(e.get("field").asString() + ": " + e.get("message").asString()));
            assertThat(fields).containsExactly(
                    "customer.name: contains a national ID number, which is never stored (001 §1.3); remove it",
                    "facts: contains a bank card number, which is never stored (001 §1.3); remove it");
            assertThat(refused.raw().body()).doesNotContain(id, nationalId.compact(), card, bankCard.compact());
            assertThat(refusing.eventCount()).isEqualTo(before);

            Api.Response retried = api.post("/api/complaints", json(complaint("Wang Fang", "138-0000-1111",
                    "400 hotline", "charged twice", "refund", "calm")), key);
            assertThat(retried.status()).as("the refused request kept no idempotency key").isEqualTo(201);
            String base = "/api/complaints/" + retried.json().get("id").asString();

            Api.Response acknowledgement = api.post(base + "/acknowledgement", json(Map.of("channel", "phone",
                    "message", "we will refund card " + card)));
            assertThat(acknowledgement.status()).isEqualTo(422);
            assertThat(acknowledgement.json().get("errors").get(0).get("field").asString()).isEqualTo("message");
            assertThat(acknowledgement.raw().body()).doesNotContain(card, bankCard.compact());
            assertThat(api.post(base + "/classification", Bodies.classification()).status()).isEqualTo(204);
            assertThat(api.post(base + "/acknowledgement", Bodies.acknowledgement()).status()).isEqualTo(204);

            String stored = String.join("\n", refusing.jdbc().queryForList(
                    "select convert_from(payload, 'UTF8') from domain_event_entry", String.class));
            assertThat(stored).doesNotContain(id, nationalId.compact(), card, bankCard.compact());
            assertThat(api.get(base + "/history").raw().body()).contains("138-0000-1111");
            assertThat(output.getAll()).doesNotContain(id, nationalId.compact(), card, bankCard.compact());
        } finally {
            refusing.closeAndDelete();
        }
    }
}
