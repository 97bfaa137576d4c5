package com.complaintengine.query.summary;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintengine.api.events.ComplaintReceived;
import com.complaintengine.api.events.ComplaintResolved;
import com.complaintengine.api.events.CustomerDataErased;
import com.complaintengine.api.events.RemedyOptionsOffered;
import com.complaintengine.api.values.Channel;
import com.complaintengine.api.values.ComplaintId;
import com.complaintengine.api.values.Customer;
import com.complaintengine.api.values.CustomerTier;
import com.complaintengine.api.values.Demand;
import com.complaintengine.api.values.DemandType;
import com.complaintengine.api.values.ErasedMarker;
import com.complaintengine.api.values.ErasureBasis;
import com.complaintengine.api.values.Money;
import com.complaintengine.api.values.RemedyOption;
import com.complaintengine.api.values.RemedyType;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Issue 7: the fold's erasure, shared by the projection and the auditor's replay. */
class SummaryFoldErasureTest {

    private static final ComplaintId ID = ComplaintId.of("C-1");
    private static final Instant T0 = Instant.parse("2026-11-23T00:00:00Z");

    @Test
    @DisplayName("an erasure blanks the customer's name, contact and free texts and keeps every fact the figures use")
    void erasureBlanksPersonalFieldsOnly() {
        ComplaintSummary s = SummaryFold.apply(null, new ComplaintReceived(ID, Channel.HOTLINE, "400 hotline, option 2",
                new Customer("Wang Fang", "138-0000-1111", CustomerTier.VIP), T0, "restarts", "a new unit",
                new Demand(DemandType.EXCHANGE, Money.of("1299.00", "CNY")), "calm", Set.of(), 3, null), 0, T0);
        s = SummaryFold.apply(s, new RemedyOptionsOffered(ID, List.of(new RemedyOption("A", RemedyType.REFUND,
                Money.of("100", "CNY"), "refund for Ms Wang"))), 1, T0);
        s = SummaryFold.apply(s, new ComplaintResolved(ID, RemedyType.REFUND, Money.of("100", "CNY"),
                "refunded Ms Wang"), 2, T0);
        ComplaintSummary erased = SummaryFold.apply(s, new CustomerDataErased(ID, ErasureBasis.REQUEST), 3,
                T0.plusSeconds(9));

        assertThat(erased.personalDataErased()).isTrue();
        assertThat(erased.version()).isEqualTo(3);
        assertThat(erased.intake().customer().name()).isEqualTo(ErasedMarker.ERASED);
        assertThat(erased.intake().customer().contact()).isEqualTo(ErasedMarker.ERASED);
        assertThat(erased.intake().facts()).isEqualTo(ErasedMarker.ERASED);
        assertThat(erased.intake().channelDetail()).isEqualTo(ErasedMarker.ERASED);
        assertThat(erased.resolution().summary()).isEqualTo(ErasedMarker.ERASED);
        assertThat(erased.resolution().options().get(0).description()).isEqualTo(ErasedMarker.ERASED);
        assertThat(erased.toString()).doesNotContain("Wang", "138-0000-1111", "restarts");
        // What the figures use stays.
        assertThat(erased.intake().customer().tier()).isEqualTo(CustomerTier.VIP);
        assertThat(erased.intake().demand()).isEqualTo(s.intake().demand());
        assertThat(erased.intake().affectedCount()).isEqualTo(3);
        assertThat(erased.status()).isEqualTo(s.status());
        assertThat(erased.resolution().amount()).isEqualTo(Money.of("100", "CNY"));
        assertThat(erased.resolution().options().get(0).label()).isEqualTo("A");
        assertThat(erased.timeline().resolvedAt()).isEqualTo(s.timeline().resolvedAt());
        assertThat(s.personalDataErased()).isFalse();
    }
}
