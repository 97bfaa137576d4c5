package com.complaintengine.query.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RoutingKeyTest {

    @Test
    @DisplayName("issue 6: all events of one complaint share a partition; the key is <partition>.<EventType>")
    void oneComplaintOnePartition() {
        String complaint = "C-20261123-0001";
        int partition = Math.floorMod(complaint.hashCode(), 16);
        assertThat(BrokerPublisher.routingKey(complaint, "ComplaintReceived", 16)).isEqualTo(partition + ".ComplaintReceived");
        assertThat(BrokerPublisher.routingKey(complaint, "ComplaintResolved", 16)).isEqualTo(partition + ".ComplaintResolved");
    }

    @Test
    @DisplayName("issue 6: partitions stay in range (also for negative hash codes) and spread complaints")
    void partitionsInRangeAndSpread() {
        Set<Integer> used = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            int partition = BrokerPublisher.partition("C-" + i + "-" + (i * 7919), 16);
            assertThat(partition).isBetween(0, 15);
            used.add(partition);
        }
        assertThat(used).hasSize(16);
        assertThat(BrokerPublisher.partition("polygenelubricants", 16)).isBetween(0, 15);
    }
}
