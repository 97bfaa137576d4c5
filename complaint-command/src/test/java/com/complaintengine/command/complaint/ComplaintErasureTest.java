package com.complaintengine.command.complaint;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.hasProperty;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.is;

import com.complaintengine.api.commands.EraseCustomerData;
import com.complaintengine.api.events.ComplaintArchived;
import com.complaintengine.api.events.ComplaintReceived;
import com.complaintengine.api.events.ComplaintResolved;
import com.complaintengine.api.events.CustomerDataErased;
import com.complaintengine.api.values.Channel;
import com.complaintengine.api.values.ComplaintId;
import com.complaintengine.api.values.Customer;
import com.complaintengine.api.values.CustomerTier;
import com.complaintengine.api.values.ErasureBasis;
import com.complaintengine.api.values.RemedyType;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Issue 7, erasure: the rules of {@link EraseCustomerData} on the complaint aggregate. */
class ComplaintErasureTest {

    private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");
    private static final ComplaintId ID = ComplaintId.of("C-1");
    private static final Map<String, Object> BY_ADMIN = Map.of("operator", "admin-zhou");
    private static final ComplaintReceived RECEIVED = new ComplaintReceived(ID, Channel.HOTLINE, "400 hotline",
            new Customer("Wang Fang", "138-0000-1111", CustomerTier.VIP), NOW, "restarts", "a new unit", null, "calm",
            Set.of(), 1, null);
    private static final ComplaintResolved RESOLVED = new ComplaintResolved(ID, RemedyType.EXCHANGE, null, "exchanged");
    private static final ComplaintArchived ARCHIVED = new ComplaintArchived(ID, null, NOW);

    private AggregateTestFixture<Complaint> fixture;

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(Complaint.class);
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static void refused(ResultValidator<Complaint> result, Refusal refusal) {
        result.expectNoEvents()
              .expectException(allOf(instanceOf(ComplaintRefused.class), hasProperty("message", is(refusal.reason()))));
    }

    @Test
    @DisplayName("issue 7: a customer's request erases the personal data of a case in any state, recorded with basis and operator")
    void erasureOnRequestInAnyState() {
        fixture.given(RECEIVED).when(new EraseCustomerData(ID, ErasureBasis.REQUEST), BY_ADMIN)
               .expectEvents(new CustomerDataErased(ID, ErasureBasis.REQUEST));
        fixture.given(RECEIVED, RESOLVED, ARCHIVED).when(new EraseCustomerData(ID, ErasureBasis.REQUEST), BY_ADMIN)
               .expectEvents(new CustomerDataErased(ID, ErasureBasis.REQUEST));
    }

    @Test
    @DisplayName("issue 7: a case is erased once; the retention basis applies to archived cases only (001 §2.4)")
    void erasureRules() {
        refused(fixture.given(RECEIVED, new CustomerDataErased(ID, ErasureBasis.REQUEST))
                       .when(new EraseCustomerData(ID, ErasureBasis.REQUEST), BY_ADMIN), Refusal.ALREADY_ERASED);
        refused(fixture.given(RECEIVED, RESOLVED).when(new EraseCustomerData(ID, ErasureBasis.RETENTION), BY_ADMIN),
                Refusal.RETENTION_NOT_ARCHIVED);
        fixture.given(RECEIVED, RESOLVED, ARCHIVED).when(new EraseCustomerData(ID, ErasureBasis.RETENTION),
                        Map.of("operator", "system"))
               .expectEvents(new CustomerDataErased(ID, ErasureBasis.RETENTION));
        refused(fixture.given(RECEIVED).when(new EraseCustomerData(ID, ErasureBasis.REQUEST)), Refusal.OPERATOR_REQUIRED);
    }
}
