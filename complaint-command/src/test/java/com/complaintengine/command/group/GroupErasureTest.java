package com.complaintengine.command.group;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.hasProperty;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.is;

import com.complaintengine.api.commands.EraseGroupPersonalData;
import com.complaintengine.api.events.GroupComplaintRegistered;
import com.complaintengine.api.events.GroupPersonalDataErased;
import com.complaintengine.api.values.Channel;
import com.complaintengine.api.values.ErasureBasis;
import com.complaintengine.api.values.GroupComplaintId;
import com.complaintengine.api.values.Representative;
import com.complaintengine.command.complaint.ComplaintRefused;
import com.complaintengine.command.complaint.Refusal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Issue 7, erasure: the rules of {@link EraseGroupPersonalData} on the group complaint aggregate. */
class GroupErasureTest {

    private static final GroupComplaintId ID = GroupComplaintId.of("G-1");
    private static final Map<String, Object> BY_ADMIN = Map.of("operator", "admin-zhou");
    private static final GroupComplaintRegistered REGISTERED = new GroupComplaintRegistered(ID,
            List.of(new Representative("Sun", "137-0000-2222")), "repair the elevators", 5, "building 3",
            Channel.STORE_COUNTER, "on-site", Set.of());

    @Test
    @DisplayName("issue 7: a group's personal data is erased once, recorded with basis and operator")
    void erasedOnce() {
        AggregateTestFixture<GroupComplaint> fixture = new AggregateTestFixture<>(GroupComplaint.class);
        fixture.registerInjectableResource(Clock.fixed(Instant.parse("2026-11-23T08:00:00Z"), ZoneOffset.UTC));
        fixture.given(REGISTERED).when(new EraseGroupPersonalData(ID, ErasureBasis.REQUEST), BY_ADMIN)
               .expectEvents(new GroupPersonalDataErased(ID, ErasureBasis.REQUEST));
        fixture.given(REGISTERED, new GroupPersonalDataErased(ID, ErasureBasis.REQUEST))
               .when(new EraseGroupPersonalData(ID, ErasureBasis.REQUEST), BY_ADMIN)
               .expectNoEvents()
               .expectException(allOf(instanceOf(ComplaintRefused.class),
                       hasProperty("message", is(Refusal.ALREADY_ERASED.reason()))));
    }
}
