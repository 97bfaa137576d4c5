package com.complaintengine.command.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintengine.command.privacy.PersonalNumbers.Planted;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * 001 §1.3 over a generated corpus: 400 texts in the voice of intake notes, each mixing valid national IDs
 * and card numbers (as people write them) with ordinary numbers. Every planted number is masked, and
 * nothing else is touched.
 */
class PrivacyCorpusTest {

    private static final List<String> OPENINGS = List.of("客户来电：", "Customer called: ", "门店记录 ", "App ticket - ",
            "微博私信，", "Hotline note. ");
    private static final List<String> SECRET_FRAMES = List.of("身份证号%s，", "ID %s. ", "card no. %s; ", "卡号：%s。",
            "(%s) ", "refund to %s please, ", "证件号码%s ", "ID:%s ");
    private static final List<String> ORDINARY_FRAMES = List.of("phone %s, ", "电话%s，", "order %s; ", "金额%s元，",
            "on %s ", "at %s, ", "hotline %s. ", "claim %s CNY. ");

    /** One text of the corpus, and what was planted in it. */
    record Sample(String text, List<Planted> secrets, List<String> ordinary) {
    }

    static List<Sample> corpus(long seed, int size) {
        PersonalNumbers numbers = new PersonalNumbers(seed);
        List<Sample> corpus = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            List<Planted> secrets = new ArrayList<>();
            List<String> ordinary = new ArrayList<>();
            List<String> parts = new ArrayList<>();
            int secretCount = i % 5 == 4 ? 0 : 1 + numbers.nextInt(3);
            for (int s = 0; s < secretCount; s++) {
                Planted secret = numbers.secret();
                secrets.add(secret);
                parts.add(String.format(SECRET_FRAMES.get(numbers.nextInt(SECRET_FRAMES.size())), secret.written()));
            }
            for (int o = 0, count = 2 + numbers.nextInt(4); o < count; o++) {
                String number = numbers.ordinary();
                ordinary.add(number);
                parts.add(String.format(ORDINARY_FRAMES.get(numbers.nextInt(ORDINARY_FRAMES.size())), number));
            }
            // Shuffled deterministically, so secrets sit before, between and after ordinary numbers.
            for (int p = parts.size() - 1; p > 0; p--) {
                int q = numbers.nextInt(p + 1);
                String swap = parts.get(p);
                parts.set(p, parts.get(q));
                parts.set(q, swap);
            }
            String text = OPENINGS.get(numbers.nextInt(OPENINGS.size())) + String.join("", parts).strip();
            corpus.add(new Sample(text, List.copyOf(secrets), List.copyOf(ordinary)));
        }
        return corpus;
    }

    @Test
    @DisplayName("001 §1.3 corpus: every planted ID and card masked to its last four, every ordinary number kept")
    void corpusIsMaskedExactly() {
        PrivacyGuard guard = new PrivacyGuard(PrivacyProperties.Mode.MASK);
        PersonalNumberDetector detector = new PersonalNumberDetector();
        List<Sample> corpus = corpus(20261123L, 400);
        int planted = 0;
        int kept = 0;
        for (Sample sample : corpus) {
            String masked = guard.mask(sample.text());

            assertThat(detector.find(sample.text())).as(sample.text())
                    .extracting(PersonalNumberDetector.Finding::kind).containsExactlyElementsOf(kindsInOrder(sample));
            for (Planted secret : sample.secrets()) {
                assertThat(masked).as(sample.text())
                        .doesNotContain(secret.written())
                        .doesNotContain(secret.compact())
                        .doesNotContain(secret.compact().substring(0, secret.compact().length() - 4))
                        .contains(secret.mask());
                planted++;
            }
            for (String number : sample.ordinary()) {
                assertThat(masked).as(sample.text()).contains(number);
                kept++;
            }
            // The frames hold no digits: outside the masks, exactly the ordinary numbers' digits are left.
            assertThat(digits(masked.replaceAll("\\[(ID|CARD) \\*{4}[0-9X]{4}]", "")))
                    .as(sample.text()).isEqualTo(sample.ordinary().stream().mapToLong(PrivacyCorpusTest::digits).sum());
        }
        assertThat(planted).isGreaterThanOrEqualTo(500);
        assertThat(kept).isGreaterThanOrEqualTo(1000);
    }

    @Test
    @DisplayName("001 §1.3 corpus in refuse mode: every text with a planted number is refused, the others pass")
    void corpusIsRefusedExactly() {
        PrivacyGuard guard = new PrivacyGuard(PrivacyProperties.Mode.REFUSE);
        for (Sample sample : corpus(7L, 400)) {
            record Note(String facts) {
            }
            Note note = new Note(sample.text());
            if (sample.secrets().isEmpty()) {
                assertThat(guard.apply(note)).isSameAs(note);
            } else {
                try {
                    guard.apply(note);
                    throw new AssertionError("not refused: " + sample.text());
                } catch (PersonalDataRefused refused) {
                    assertThat(refused.field()).isEqualTo("facts");
                    assertThat(refused.occurrences()).extracting(PersonalDataRefused.Occurrence::kind)
                            .containsExactlyInAnyOrderElementsOf(sample.secrets().stream().map(Planted::kind).distinct().toList());
                    for (Planted secret : sample.secrets()) {
                        assertThat(refused.getMessage()).doesNotContain(secret.compact().substring(0, 6));
                    }
                }
            }
        }
    }

    /** The kinds of the planted numbers in the order they appear in the text. */
    private static List<PersonalNumberDetector.Kind> kindsInOrder(Sample sample) {
        return sample.secrets().stream()
                .sorted((a, b) -> Integer.compare(sample.text().indexOf(a.written()), sample.text().indexOf(b.written())))
                .map(Planted::kind).toList();
    }

    private static long digits(String text) {
        return text.chars().filter(Character::isDigit).count();
    }
}
