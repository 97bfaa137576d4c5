package com.complaintengine.query.feed;

import java.util.Set;

/** Which events a reader wants: event types by simple name (empty: all) and one complaint id (null: all). */
public record FeedFilter(Set<String> types, String complaintId) {

    public static final FeedFilter ALL = new FeedFilter(Set.of(), null);

    public FeedFilter {
        types = types == null ? Set.of() : Set.copyOf(types);
    }

    boolean accepts(String type, String aggregateId) {
        return (types.isEmpty() || types.contains(type)) && (complaintId == null || complaintId.equals(aggregateId));
    }
}
