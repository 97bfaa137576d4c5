package com.complaintengine.query.summary;

import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * A counter the summary projection moves whenever it writes: live views (the dashboard stream) compare it with
 * the value they last saw instead of polling the database.
 */
@Component
public class SummaryChanges {

    private final AtomicLong generation = new AtomicLong();

    void changed() {
        generation.incrementAndGet();
    }

    public long generation() {
        return generation.get();
    }
}
