package com.complaintengine.command.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.complaintengine.api.commands.AcknowledgeComplaint;
import com.complaintengine.api.commands.EscalateComplaint;
import com.complaintengine.api.values.ComplaintId;
import com.complaintengine.api.values.EscalationLevel;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** 001 §1.3 on the command bus: whatever sends a command, its handler only ever sees it guarded. */
class PrivacyInterceptorTest {

    private static final String CARD = "4111-1111-1111-1111";

    private final List<CommandMessage<?>> handled = new ArrayList<>();

    private CommandBus busGuardedBy(PrivacyProperties.Mode mode) {
        CommandBus bus = SimpleCommandBus.builder().build();
        bus.subscribe(AcknowledgeComplaint.class.getName(), message -> {
            handled.add(message);
            return null;
        });
        bus.registerDispatchInterceptor(new PrivacyInterceptor(new PrivacyGuard(mode)));
        return bus;
    }

    @Test
    @DisplayName("001 §1.3 mask mode: the handler receives the masked command with its metadata")
    void handlerReceivesTheMaskedCommand() {
        CommandGateway gateway = DefaultCommandGateway.builder().commandBus(busGuardedBy(PrivacyProperties.Mode.MASK)).build();

        gateway.sendAndWait(new AcknowledgeComplaint(ComplaintId.of("C-1"), "phone", "refund to card " + CARD,
                "call back within 24 h at 138-0000-1111"), MetaData.with("operator", "agent-li"));

        AcknowledgeComplaint received = (AcknowledgeComplaint) handled.get(0).getPayload();
        assertThat(received.message()).isEqualTo("refund to card [CARD ****1111]");
        assertThat(received.promise()).isEqualTo("call back within 24 h at 138-0000-1111");
        assertThat(handled.get(0).getMetaData()).containsEntry("operator", "agent-li");
        assertThat(handled.get(0).getCommandName()).isEqualTo(AcknowledgeComplaint.class.getName());
    }

    @Test
    @DisplayName("metadata strings are masked too: they are stored with every event")
    void metaDataIsMasked() {
        CommandGateway gateway = DefaultCommandGateway.builder().commandBus(busGuardedBy(PrivacyProperties.Mode.REFUSE)).build();

        gateway.sendAndWait(new AcknowledgeComplaint(ComplaintId.of("C-1"), "phone", "we are sorry", null),
                MetaData.with("operator", "agent " + CARD));

        assertThat(handled.get(0).getMetaData()).containsEntry("operator", "agent [CARD ****1111]");
    }

    @Test
    @DisplayName("001 §1.3 refuse mode: sendAndWait throws PersonalDataRefused itself, and no handler runs")
    void refusalReachesTheSenderUnwrapped() {
        CommandGateway gateway = DefaultCommandGateway.builder().commandBus(busGuardedBy(PrivacyProperties.Mode.REFUSE)).build();

        assertThatThrownBy(() -> gateway.sendAndWait(new AcknowledgeComplaint(ComplaintId.of("C-1"), "phone",
                "refund to card " + CARD, null), MetaData.with("operator", "agent-li")))
                .isExactlyInstanceOf(PersonalDataRefused.class)
                .hasMessage("message contains a bank card number, which is never stored (001 §1.3)");
        assertThat(handled).isEmpty();
    }

    @Test
    @DisplayName("the configuration puts the guard on the CommandBus bean, in the configured mode")
    void configurationGuardsTheCommandBus() {
        new ApplicationContextRunner()
                .withUserConfiguration(PrivacyConfiguration.class)
                .withBean(CommandBus.class, () -> SimpleCommandBus.builder().build())
                .withPropertyValues("complaint.privacy.mode=refuse")
                .run(context -> {
                    CommandBus bus = context.getBean(CommandBus.class);
                    List<Object> received = new ArrayList<>();
                    bus.subscribe(EscalateComplaint.class.getName(), message -> received.add(message.getPayload()));
                    CommandGateway gateway = DefaultCommandGateway.builder().commandBus(bus).build();

                    assertThatThrownBy(() -> gateway.sendAndWait(new EscalateComplaint(ComplaintId.of("C-1"),
                            EscalationLevel.MAJOR, "ID 11010519491231002X")))
                            .isInstanceOfSatisfying(PersonalDataRefused.class, refused ->
                                    assertThat(refused.field()).isEqualTo("reason"));
                    gateway.sendAndWait(new EscalateComplaint(ComplaintId.of("C-1"), EscalationLevel.MAJOR, "media"));
                    assertThat(received).hasSize(1);
                    assertThat(context.getBean(PrivacyGuard.class).mode()).isEqualTo(PrivacyProperties.Mode.REFUSE);
                });
    }
}
