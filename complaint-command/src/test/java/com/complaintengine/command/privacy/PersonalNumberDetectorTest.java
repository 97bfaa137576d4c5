package com.complaintengine.command.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintengine.command.privacy.PersonalNumberDetector.Finding;
import com.complaintengine.command.privacy.PersonalNumberDetector.Kind;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** 001 §1.3: which numbers are national IDs or bank cards, and which are ordinary numbers left alone. */
class PersonalNumberDetectorTest {

    private final PersonalNumberDetector detector = new PersonalNumberDetector();

    private List<String> found(String text) {
        return detector.find(text).stream().map(f -> f.kind().code() + ":" + text.substring(f.start(), f.end())).toList();
    }

    @Test
    @DisplayName("001 §1.3: an 18-character ID with a valid MOD 11-2 check digit, X included, in any case")
    void findsNationalIds() {
        assertThat(found("身份证号11010519491231002X，请核实")).containsExactly("national-id:11010519491231002X");
        assertThat(found("id 11010519491231002x.")).containsExactly("national-id:11010519491231002x");
        assertThat(found("证件 440308199901011234")).containsExactly("national-id:440308199901011234");
        assertThat(found("32010219850615105X")).containsExactly("national-id:32010219850615105X");
        assertThat(found("born on a leap day: 510107200002291005")).containsExactly("national-id:510107200002291005");
        assertThat(detector.find("ID 11010519491231002X").get(0).digits()).isEqualTo("11010519491231002X");
    }

    @Test
    @DisplayName("the ID check digit decides: one wrong character, a non-existent date or province is no ID")
    void rejectsIdsFailingTheirChecks() {
        assertThat(found("110105194912310021")).isEmpty(); // check character should be X
        assertThat(found("11010519491231002Y")).isEmpty();
        assertThat(found("440308199901011235")).isEmpty();
        assertThat(found("110105194913310021")).isEmpty(); // month 13, check digit right
        String noProvince = "10010519491231002"; // 10 is no province (and 1 starts no card)
        assertThat(found(noProvince + PersonalNumbers.idCheck(noProvince))).isEmpty();
        assertThat(found("11010519491231002X7")).isEmpty(); // an X followed by a digit is not the 18th character
    }

    @Test
    @DisplayName("001 §1.3: 15-digit legacy IDs with a province and a real YYMMDD birth date")
    void findsLegacyIds() {
        assertThat(found("旧身份证110105491231002")).containsExactly("national-id:110105491231002");
        assertThat(found("110105491331002")).isEmpty(); // month 13
        assertThat(found("110105490230002")).isEmpty(); // 30 February
        assertThat(found("990105491231002")).isEmpty(); // no province 99
    }

    @Test
    @DisplayName("IDs written in groups are found too")
    void findsGroupedIds() {
        assertThat(found("ID 110105 19491231 002X ok")).containsExactly("national-id:110105 19491231 002X");
        assertThat(found("ID 440308-19990101-1234")).containsExactly("national-id:440308-19990101-1234");
    }

    @Test
    @DisplayName("001 §1.3: Luhn-valid card numbers of 13 to 19 digits, contiguous or grouped by spaces or dashes")
    void findsCardNumbers() {
        assertThat(found("card 4111111111111111.")).containsExactly("bank-card:4111111111111111");
        assertThat(found("card 4111 1111 1111 1111 ok")).containsExactly("bank-card:4111 1111 1111 1111");
        assertThat(found("card 4111-1111-1111-1111")).containsExactly("bank-card:4111-1111-1111-1111");
        assertThat(found("卡号6222 0212 3456 7890 128，谢谢")).containsExactly("bank-card:6222 0212 3456 7890 128");
        assertThat(found("卡号622202 1234567890128")).containsExactly("bank-card:622202 1234567890128");
        assertThat(found("visa 4222222222222 (13 digits)")).containsExactly("bank-card:4222222222222");
        assertThat(found("amex 3782 822463 10005")).containsExactly("bank-card:3782 822463 10005");
        assertThat(found("ICBC 9558801234567890128")).containsExactly("bank-card:9558801234567890128");
        assertThat(found("mc 2221001234567896")).containsExactly("bank-card:2221001234567896");
        assertThat(found("ｃａｒｄ４１１１１１１１１１１１１１１１")).containsExactly("bank-card:４１１１１１１１１１１１１１１１");
    }

    @Test
    @DisplayName("letters or punctuation around a number do not hide it")
    void findsNumbersNextToLettersAndPunctuation() {
        assertThat(found("ID11010519491231002X")).containsExactly("national-id:11010519491231002X");
        assertThat(found("card:4111111111111111;")).containsExactly("bank-card:4111111111111111");
        assertThat(found("(4111-1111-1111-1111)")).containsExactly("bank-card:4111-1111-1111-1111");
        assertThat(found("4111 1111 1111 1111 2 times")).containsExactly("bank-card:4111 1111 1111 1111");
    }

    @Test
    @DisplayName("a Luhn failure is an order number, not a card")
    void rejectsLuhnFailures() {
        assertThat(found("order 4111111111111112")).isEmpty();
        assertThat(found("order 6222 0212 3456 7890 123")).isEmpty();
        assertThat(found("order 4111-1111-1111-1114")).isEmpty();
    }

    @Test
    @DisplayName("a digit run is never split: a valid card inside a longer run is no hit")
    void neverSplitsDigitRuns() {
        assertThat(found("ref 54111111111111111")).isEmpty(); // 5 + a valid card: 17 digits failing Luhn
        assertThat(found("ref 41111111111111112")).isEmpty(); // a valid card + 2
        assertThat(found("ref 41111111111111110000")).isEmpty(); // 20 digits
        assertThat(found("ref 123411010519491231002X")).isEmpty(); // an ID inside a longer run
        assertThat(found("ref 4111-1111-1111-11112")).isEmpty(); // a group is not cut either
    }

    @ParameterizedTest(name = "ordinary: {0}")
    @ValueSource(strings = {"13800001111", "138-0000-1111", "138 0000 1111", "+86 138 0000 1111", "+86-13800001111",
            "010-62345678", "0755-8888 6666", "400-820-8820", "800 810 8888", "4008208820",
            "1299.00", "500,000", "12,345,678.90", "2026-11-20", "2026/11/20 08:00:00", "20261120083000",
            "2026年11月20日 23:59", "restarts 3 times within 5 minutes", "order 2026112012345678",
            "3.1415926535897932384", "sha256 5f4111111111111111a3d1e2c4b6a8f0e2d4c6b8a0f2e4d6c8b0a2f4e6d8c0b2"})
    @DisplayName("ordinary numbers are left alone")
    void leavesOrdinaryNumbers(String text) {
        assertThat(detector.find(text)).isEmpty();
    }

    @Test
    @DisplayName("a UUID is an identifier: its digit groups are never a card, even when they pass Luhn")
    void leavesUuidsAlone() {
        // 9513 4300 8812 3 passes Luhn: found in a complaint id of an HTTP test run.
        assertThat(found("card 9513-4300-8812-3 here")).containsExactly("bank-card:9513-4300-8812-3");
        assertThat(found("complaint e4c1a9f0-9513-4300-8812-3b7a4c5d6e7f")).isEmpty();
        assertThat(found("{\"complaintId\":\"G-e4c1a9f0-9513-4300-8812-3b7a4c5d6e7f\"}")).isEmpty();
    }

    @Test
    @DisplayName("phones, hotlines, amounts and dates next to a card: only the card is found")
    void findsOnlyTheCardAmongOrdinaryNumbers() {
        String text = "call 138-0000-1111 or 400-820-8820 on 2026-11-20 at 08:00 about 1299.00 CNY, card 4111 1111 1111 1111";
        assertThat(found(text)).containsExactly("bank-card:4111 1111 1111 1111");
    }

    @Test
    @DisplayName("overlapping candidates become one span, so no digit of either is left outside")
    void mergesOverlappingHits() {
        // 4111 4456 4970 2243 and 4456 4970 2243 319 both pass Luhn: one finding covers both.
        String text = "x 4111 4456 4970 2243 319 y";
        List<Finding> findings = detector.find(text);
        assertThat(findings).hasSize(1);
        Finding only = findings.get(0);
        assertThat(only.kind()).isEqualTo(Kind.BANK_CARD);
        assertThat(text.substring(only.start(), only.end())).isEqualTo("4111 4456 4970 2243 319");
        assertThat(only.digits()).endsWith("2243319");
    }

    @Test
    @DisplayName("Luhn, the ID check character and the issuer prefix, directly")
    void checks() {
        assertThat(PersonalNumberDetector.validCard("4111111111111111")).isTrue();
        assertThat(PersonalNumberDetector.validCard("4111111111111121")).isFalse();
        assertThat(PersonalNumberDetector.validCard("79927398713")).isFalse(); // valid Luhn, too short
        assertThat(PersonalNumberDetector.validCard("1234567812345670")).isFalse(); // valid Luhn, 1 is no card prefix
        assertThat(PersonalNumberDetector.validCard("2026112012345673")).isFalse(); // valid Luhn, 2026… is no Mastercard range
        assertThat(PersonalNumberDetector.validId18("11010519491231002X")).isTrue();
        assertThat(PersonalNumberDetector.validId18("11010519491231002x")).isTrue();
        assertThat(PersonalNumberDetector.validId15("110105491231002")).isTrue();
        PersonalNumbers numbers = new PersonalNumbers(42L);
        for (int i = 0; i < 200; i++) {
            assertThat(PersonalNumberDetector.validId18(numbers.nationalId())).isTrue();
            assertThat(PersonalNumberDetector.validCard(numbers.cardNumber())).isTrue();
            assertThat(PersonalNumberDetector.validCard(numbers.orderNumber())).isFalse();
        }
    }
}
