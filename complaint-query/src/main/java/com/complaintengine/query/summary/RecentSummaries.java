package com.complaintengine.query.summary;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The summaries this node's projection wrote last, after their batch committed, so the complaint's next event folds
 * onto the summary in memory instead of reading and parsing its row again (issue 9: in a rebuild each event of a
 * complaint whose events lie far apart in the store cost a row read and a JSON parse; 6-12 % faster without them,
 * docs/performance.md).
 *
 * <p>A remembered summary is used only for the event that directly follows it: the event's sequence must be the
 * summary's version plus one. A summary is a fold of its complaint's events 0 to its version, the same on every node;
 * so if another node wrote the row meanwhile (its segment moved there and back), the next event this node sees has a
 * later sequence and the row is read as before; after a reset the receipt starts the summary again. At most
 * {@code complaint.projections.summary-cache} summaries are kept (least recently used go first; 0 keeps none).
 */
@Component
public class RecentSummaries {

    private final int capacity;
    private final Map<String, ComplaintSummary> entries;

    public RecentSummaries(@Value("${complaint.projections.summary-cache:10000}") int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("complaint.projections.summary-cache must be 0 or more, was " + capacity);
        }
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, ComplaintSummary> eldest) {
                return size() > RecentSummaries.this.capacity;
            }
        };
    }

    /** The remembered summary of {@code complaintId} if it is the one {@code sequence} folds onto, else null. */
    synchronized ComplaintSummary before(String complaintId, long sequence) {
        ComplaintSummary summary = entries.get(complaintId);
        return summary != null && summary.version() == sequence - 1 ? summary : null;
    }

    /** Keeps summaries whose rows have been committed. */
    synchronized void remember(Collection<ComplaintSummary> committed) {
        if (capacity > 0) {
            committed.forEach(summary -> entries.put(summary.id(), summary));
        }
    }

    /** Forgets everything (the projection was reset). */
    synchronized void clear() {
        entries.clear();
    }

    /** How many summaries are kept (for tests and diagnostics). */
    synchronized int size() {
        return entries.size();
    }
}
