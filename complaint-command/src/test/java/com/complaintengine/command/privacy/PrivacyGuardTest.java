package com.complaintengine.command.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.complaintengine.api.commands.FormTaskForce;
import com.complaintengine.api.commands.OfferRemedyOptions;
import com.complaintengine.api.commands.ReceiveComplaint;
import com.complaintengine.api.commands.RegisterGroupComplaint;
import com.complaintengine.api.values.Channel;
import com.complaintengine.api.values.ComplaintId;
import com.complaintengine.api.values.Customer;
import com.complaintengine.api.values.CustomerTier;
import com.complaintengine.api.values.Demand;
import com.complaintengine.api.values.DemandType;
import com.complaintengine.api.values.GroupComplaintId;
import com.complaintengine.api.values.Money;
import com.complaintengine.api.values.RemedyOption;
import com.complaintengine.api.values.RemedyType;
import com.complaintengine.api.values.Representative;
import com.complaintengine.api.values.SuggestedClassification;
import com.complaintengine.api.values.Urgency;
import com.complaintengine.command.privacy.PersonalDataRefused.Occurrence;
import com.complaintengine.command.privacy.PersonalNumberDetector.Kind;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;

/** 001 §1.3: the guard masks or refuses national ID and bank card numbers in every string of a command. */
class PrivacyGuardTest {

    private static final String ID = "11010519491231002X";
    private static final String CARD = "6222 0212 3456 7890 128";

    private final PrivacyGuard masking = new PrivacyGuard(PrivacyProperties.Mode.MASK);
    private final PrivacyGuard refusing = new PrivacyGuard(PrivacyProperties.Mode.REFUSE);

    private static ReceiveComplaint complaint(String name, String facts, String expectation) {
        return complaint(name, facts, expectation, "keyword 'restarts'");
    }

    private static ReceiveComplaint complaint(String name, String facts, String expectation, String reason) {
        return new ReceiveComplaint(ComplaintId.of("C-1"), Channel.HOTLINE, "400 hotline, option 2",
                new Customer(name, "138-0000-1111", CustomerTier.VIP), Instant.EPOCH, facts, expectation,
                new Demand(DemandType.REFUND, new Money(new BigDecimal("1299.00"), "CNY")), "raised voice because unresolved",
                Set.of(), 1, new SuggestedClassification("PRODUCT", "QUALITY", Urgency.GENERAL,
                        List.of(reason, "default urgency")));
    }

    @Test
    @DisplayName("the mask keeps the kind and the last four characters, nothing else")
    void maskFormat() {
        assertThat(masking.mask("ID " + ID + ", please call")).isEqualTo("ID [ID ****002X], please call");
        assertThat(masking.mask("id 11010519491231002x")).isEqualTo("id [ID ****002X]");
        assertThat(masking.mask("legacy 110105491231002 here")).isEqualTo("legacy [ID ****1002] here");
        assertThat(masking.mask("卡号" + CARD + "。")).isEqualTo("卡号[CARD ****0128]。");
        assertThat(masking.mask("4111-1111-1111-1111 and 4111111111111111"))
                .isEqualTo("[CARD ****1111] and [CARD ****1111]");
        assertThat(masking.mask("nothing 138-0000-1111")).isEqualTo("nothing 138-0000-1111");
        assertThat(masking.mask(null)).isNull();
    }

    @Test
    @DisplayName("001 §1.3: every string of a command is masked, nested records and lists included")
    void masksNestedFields() {
        ReceiveComplaint command = complaint("Wang " + ID, "charged twice on card " + CARD + " for order 4111111111111112",
                "refund; my old ID is 110105491231002", "keyword 'card " + CARD + "'");

        ReceiveComplaint masked = masking.apply(command);

        assertThat(masked.customer().name()).isEqualTo("Wang [ID ****002X]");
        assertThat(masked.customer().contact()).isEqualTo("138-0000-1111");
        assertThat(masked.customer().tier()).isEqualTo(CustomerTier.VIP);
        assertThat(masked.facts()).isEqualTo("charged twice on card [CARD ****0128] for order 4111111111111112");
        assertThat(masked.expectation()).isEqualTo("refund; my old ID is [ID ****1002]");
        assertThat(masked.suggestedClassification().reasons()).containsExactly("keyword 'card [CARD ****0128]'",
                "default urgency");
        assertThat(masked.channelDetail()).isEqualTo("400 hotline, option 2");
        assertThat(masked.demand()).isSameAs(command.demand());
        assertThat(masked.complaintId()).isEqualTo(command.complaintId());
        assertThat(masked.occurredAt()).isEqualTo(command.occurredAt());
        assertThat(masking.apply(masked)).as("masking twice changes nothing").isSameAs(masked);
    }

    @Test
    @DisplayName("a command without personal numbers is passed on as the same instance")
    void cleanCommandIsUntouched() {
        ReceiveComplaint command = complaint("Wang Fang", "restarts 3 times within 5 minutes, order 4111111111111112",
                "wants a replacement unit by 2026-11-30");
        assertThat(masking.apply(command)).isSameAs(command);
        assertThat(refusing.apply(command)).isSameAs(command);
    }

    @Test
    @DisplayName("a record class is looked up once, yet each of its instances is scanned: a clean one does not excuse the next")
    void eachInstanceIsScannedAfterTheClassIsKnown() {
        for (int i = 0; i < 3; i++) {
            ReceiveComplaint clean = complaint("Wang Fang", "restarts " + i + " times", "wants a replacement unit");
            assertThat(masking.apply(clean)).isSameAs(clean);
            ReceiveComplaint withCard = complaint("Wang Fang", "card 4111 1111 1111 1111, restarts " + i + " times",
                    "wants a replacement unit");
            assertThat(masking.apply(withCard).facts()).isEqualTo("card [CARD ****1111], restarts " + i + " times");
        }
    }

    @Test
    @DisplayName("lists of strings and lists of records are masked element by element")
    void masksCollections() {
        FormTaskForce taskForce = new FormTaskForce(ComplaintId.of("C-1"), "Li",
                List.of("Chen", "Zhao " + ID, "Qian"), List.of());
        assertThat(masking.apply(taskForce).coreMembers()).containsExactly("Chen", "Zhao [ID ****002X]", "Qian");

        RegisterGroupComplaint group = new RegisterGroupComplaint(GroupComplaintId.of("G-1"),
                List.of(new Representative("Sun", "137-0000-2222"), new Representative("Zhou", "card " + CARD)),
                "refund deposits", 86, "buildings 3-5, 86 households", Channel.STORE_COUNTER, null, Set.of());
        RegisterGroupComplaint maskedGroup = masking.apply(group);
        assertThat(maskedGroup.representatives().get(0)).isSameAs(group.representatives().get(0));
        assertThat(maskedGroup.representatives().get(1).contact()).isEqualTo("card [CARD ****0128]");
        assertThat(maskedGroup.scope()).isEqualTo("buildings 3-5, 86 households");

        OfferRemedyOptions options = new OfferRemedyOptions(ComplaintId.of("C-1"), List.of(
                new RemedyOption("option 1", RemedyType.REFUND, new Money(new BigDecimal("30"), "CNY"),
                        "refund to card " + CARD)));
        assertThat(masking.apply(options).options().get(0).description()).isEqualTo("refund to card [CARD ****0128]");
    }

    /** Shapes no command has today, so the guard stays generic. */
    record Probe(@TargetAggregateIdentifier String id, Map<String, String> notes, Optional<String> remark,
                 String[] lines, Set<String> tags) {
    }

    @Test
    @DisplayName("maps, optionals, arrays and sets are masked too")
    void masksOtherShapes() {
        Probe probe = new Probe("P-1", Map.of("note", "card " + CARD), Optional.of("ID " + ID),
                new String[] {"fine", "ID " + ID}, Set.of("tag " + CARD));

        Probe masked = masking.apply(probe);

        assertThat(masked.id()).isEqualTo("P-1");
        assertThat(masked.notes()).containsEntry("note", "card [CARD ****0128]");
        assertThat(masked.remark()).contains("ID [ID ****002X]");
        assertThat(masked.lines()).containsExactly("fine", "ID [ID ****002X]");
        assertThat(masked.tags()).containsExactly("tag [CARD ****0128]");
    }

    @Test
    @DisplayName("an aggregate id typed as a number names no complaint: unknown, never rerouted, the id masked")
    void routingKeyWithANumberIsUnknown() {
        FormTaskForce typed = new FormTaskForce(ComplaintId.of("4111-1111-1111-1111"), "Li",
                List.of("Chen", "Zhao", "Qian"), List.of());

        for (PrivacyGuard guard : List.of(masking, refusing)) {
            assertThatThrownBy(() -> guard.apply(typed))
                    .isInstanceOfSatisfying(AggregateNotFoundException.class,
                            unknown -> assertThat(unknown.getAggregateIdentifier()).isEqualTo("[CARD ****1111]"));
        }
        FormTaskForce real = new FormTaskForce(ComplaintId.of("e4c1a9f0-9513-4300-8812-3b7a4c5d6e7f"), "Li",
                List.of("Chen", "Zhao", "Qian"), List.of());
        assertThat(refusing.apply(real)).as("a real id, a UUID, is never touched").isSameAs(real);
    }

    @Test
    @DisplayName("001 §1.3 refuse mode: the command is refused naming the field and the kind, never the number")
    void refuseModeNamesTheField() {
        ReceiveComplaint command = complaint("Wang " + ID, "restarts", "replacement");

        assertThatThrownBy(() -> refusing.apply(command))
                .isInstanceOfSatisfying(PersonalDataRefused.class, refused -> {
                    assertThat(refused.field()).isEqualTo("customer.name");
                    assertThat(refused.kind()).isEqualTo(Kind.NATIONAL_ID);
                    assertThat(refused.getMessage()).isEqualTo(
                            "customer.name contains a national ID number, which is never stored (001 §1.3)");
                });
    }

    @Test
    @DisplayName("refuse mode names every field at fault, nested paths and list indexes included")
    void refuseModeNamesEveryField() {
        ReceiveComplaint command = complaint("Wang " + ID, "paid with " + CARD, "refund", "keyword 'card " + CARD + "'");
        RegisterGroupComplaint group = new RegisterGroupComplaint(GroupComplaintId.of("G-1"),
                List.of(new Representative("Sun", "137-0000-2222"), new Representative("Zhou " + ID, "137-0000-3333")),
                "refund deposits", 86, "86 households", Channel.STORE_COUNTER, null, Set.of());

        assertThatThrownBy(() -> refusing.apply(command))
                .isInstanceOfSatisfying(PersonalDataRefused.class, refused -> assertThat(refused.occurrences())
                        .containsExactly(new Occurrence("customer.name", Kind.NATIONAL_ID),
                                new Occurrence("facts", Kind.BANK_CARD),
                                new Occurrence("suggestedClassification.reasons[0]", Kind.BANK_CARD)))
                .message().doesNotContain("1101", "6222", "0128", "002X");
        assertThatThrownBy(() -> refusing.apply(group))
                .isInstanceOfSatisfying(PersonalDataRefused.class,
                        refused -> assertThat(refused.field()).isEqualTo("representatives[1].name"));
    }

    @Test
    @DisplayName("every command of the API is a record, so the guard sees every string in it")
    void everyCommandIsARecord() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter((reader, factory) -> true);
        Set<BeanDefinition> commands = scanner.findCandidateComponents("com.complaintengine.api.commands");
        assertThat(commands).hasSizeGreaterThan(20);
        for (BeanDefinition command : commands) {
            assertThat(Class.forName(command.getBeanClassName()).isRecord()).as(command.getBeanClassName()).isTrue();
        }
    }

    @Test
    @DisplayName("complaint.privacy.mode binds mask and refuse in any case, and defaults to mask")
    void modeBinding() {
        assertThat(mode(Map.of("complaint.privacy.mode", "refuse"))).isEqualTo(PrivacyProperties.Mode.REFUSE);
        assertThat(mode(Map.of("complaint.privacy.mode", "MASK"))).isEqualTo(PrivacyProperties.Mode.MASK);
        assertThat(mode(Map.of())).isEqualTo(PrivacyProperties.Mode.MASK);
    }

    private static PrivacyProperties.Mode mode(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("complaint.privacy", PrivacyProperties.class).mode();
    }
}
