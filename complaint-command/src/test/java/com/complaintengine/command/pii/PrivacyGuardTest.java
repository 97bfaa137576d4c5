package com.complaintengine.command.pii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.complaintengine.api.commands.ReceiveComplaint;
import com.complaintengine.api.values.Channel;
import com.complaintengine.api.values.ComplaintId;
import com.complaintengine.api.values.Customer;
import com.complaintengine.api.values.CustomerTier;
import com.complaintengine.api.values.Demand;
import com.complaintengine.api.values.DemandType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** 001 §1.3: national ID and bank card numbers are never stored; ordinary numbers are left alone. */
class PrivacyGuardTest {

    private final PrivacyGuard masking = new PrivacyGuard(PrivacyProperties.Mode.MASK);
    private final PersonalNumberDetector detector = new PersonalNumberDetector();

    @Test
    @DisplayName("001 §1.3: an 18-digit ID with a valid check digit (X included) is masked to its last four")
    void masksNationalIds() {
        assertThat(masking.mask("ID 11010519491231002X, please call")).isEqualTo("ID [ID ****002X], please call");
        assertThat(masking.mask("id 110105194912310021")).isEqualTo("id 110105194912310021"); // wrong check digit
        assertThat(masking.mask("legacy 110105491231002 here")).isEqualTo("legacy [ID ****1002] here");
    }

    @Test
    @DisplayName("001 §1.3: Luhn-valid card numbers are masked, contiguous or grouped")
    void masksCardNumbers() {
        assertThat(masking.mask("card 4111111111111111.")).isEqualTo("card [CARD ****1111].");
        assertThat(masking.mask("card 4111 1111 1111 1111 ok")).isEqualTo("card [CARD ****1111] ok");
        assertThat(masking.mask("卡号6222-0212-3456-7890-128")).contains("[CARD ****0128]").doesNotContain("6222");
    }

    @Test
    @DisplayName("ordinary numbers stay: phones, hotlines, order numbers failing Luhn, amounts, dates")
    void leavesOrdinaryNumbers() {
        String text = "call 138-0000-1111 or 13800001111 or 400-800-8888, order 4111111111111112, "
                + "paid 1299.00 CNY (500,000 claimed) on 2026-11-20 at 08:00, +86 138 0000 1111";
        assertThat(masking.mask(text)).isEqualTo(text);
        assertThat(detector.find(text)).isEmpty();
    }

    @Test
    @DisplayName("a digit run inside a longer run is not split into a false hit")
    void doesNotSplitLongerRuns() {
        String longRun = "ref 41111111111111110000000";
        assertThat(masking.mask(longRun)).isEqualTo(longRun);
    }

    @Test
    @DisplayName("the guard masks every string of a command, nested records included, and keeps the rest")
    void masksNestedFields() {
        ReceiveComplaint command = new ReceiveComplaint(ComplaintId.of("C-1"), Channel.HOTLINE, "card 4111111111111111",
                new Customer("Wang 11010519491231002X", "138-0000-1111", CustomerTier.VIP), Instant.EPOCH,
                "facts", "expectation", new Demand(DemandType.APOLOGY, null), "calm", Set.of(), 1, null);

        ReceiveComplaint masked = masking.apply(command);

        assertThat(masked.channelDetail()).isEqualTo("card [CARD ****1111]");
        assertThat(masked.customer().name()).isEqualTo("Wang [ID ****002X]");
        assertThat(masked.customer().contact()).isEqualTo("138-0000-1111");
        assertThat(masked.complaintId()).isEqualTo(command.complaintId());
        assertThat(masking.apply(masked)).isSameAs(masked);
    }

    @Test
    @DisplayName("in refuse mode the command is refused with the field named and the number not repeated")
    void refuseModeNamesTheField() {
        PrivacyGuard refusing = new PrivacyGuard(PrivacyProperties.Mode.REFUSE);
        ReceiveComplaint command = new ReceiveComplaint(ComplaintId.of("C-1"), Channel.HOTLINE, null,
                new Customer("Wang 11010519491231002X", "138-0000-1111", CustomerTier.VIP), Instant.EPOCH,
                "facts", "expectation", new Demand(DemandType.APOLOGY, null), "calm", Set.of(), 1, null);

        assertThatThrownBy(() -> refusing.apply(command))
                .isInstanceOfSatisfying(PersonalDataRefused.class, refused -> {
                    assertThat(refused.field()).isEqualTo("customer.name");
                    assertThat(refused.kind()).isEqualTo(PersonalNumberDetector.Kind.NATIONAL_ID);
                })
                .message().doesNotContain("1101");
    }

    @Test
    @DisplayName("corpus: 400 generated texts — every planted ID and card masked, every ordinary number kept")
    void corpus() {
        PersonalNumbers numbers = new PersonalNumbers(20261123L);
        int planted = 0;
        for (int i = 0; i < 400; i++) {
            List<String> secrets = new ArrayList<>();
            List<String> ordinary = List.of(numbers.mobile(), numbers.orderNumber(), numbers.amount());
            StringBuilder text = new StringBuilder("客户来电 case " + i + ": phone " + ordinary.get(0) + ", order "
                    + ordinary.get(1) + ", amount " + ordinary.get(2) + " CNY");
            switch (i % 4) {
                case 0 -> secrets.add(numbers.nationalId());
                case 1 -> secrets.add(numbers.written(numbers.cardNumber()));
                case 2 -> {
                    secrets.add(numbers.legacyId());
                    secrets.add(numbers.written(numbers.cardNumber()));
                }
                default -> { }
            }
            for (String secret : secrets) {
                text.append(", 身份证/卡号 ").append(secret).append('。');
            }
            planted += secrets.size();

            String masked = masking.mask(text.toString());

            for (String secret : secrets) {
                assertThat(masked).as("text %d", i).doesNotContain(secret)
                                  .doesNotContain(secret.replaceAll("[ -]", "").substring(0, 12));
            }
            for (String keep : ordinary) {
                assertThat(masked).as("text %d", i).contains(keep);
            }
        }
        assertThat(planted).isGreaterThanOrEqualTo(300);
    }
}
