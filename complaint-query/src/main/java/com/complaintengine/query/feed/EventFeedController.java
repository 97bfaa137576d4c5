package com.complaintengine.query.feed;

import com.complaintengine.query.web.BadQueryParameter;
import com.complaintengine.query.web.QueryParameters;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The event feed for other services (issue 6): pages by position ({@code GET /api/events?after=&limit=}) and a
 * server-sent event stream that resumes from {@code Last-Event-ID}; both filter by {@code type} (repeatable or
 * comma-separated) and {@code complaintId}. Parameters are strict: an unknown or invalid one is a 400 naming it.
 */
@RestController
class EventFeedController {

    static final String LAST_EVENT_ID = "Last-Event-ID";
    private static final String EVENTS_PACKAGE = "com.complaintengine.api.events.";

    private final EventFeed feed;
    private final EventStream stream;
    private final FeedProperties properties;

    EventFeedController(EventFeed feed, EventStream stream, FeedProperties properties) {
        this.feed = feed;
        this.stream = stream;
        this.properties = properties;
    }

    @GetMapping("/api/events")
    FeedPage page(@RequestParam MultiValueMap<String, String> parameters) {
        QueryParameters p = parameters(parameters, "after", "limit", "type", "complaintId");
        long after = position("after", p.text("after", 19));
        int limit = p.integer("limit", properties.defaultLimit(), 1, properties.maxLimit());
        return feed.read(after, limit, filter(p));
    }

    @GetMapping(path = "/api/events/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(@RequestParam MultiValueMap<String, String> parameters,
                      @RequestHeader(value = LAST_EVENT_ID, required = false) String lastEventId) {
        QueryParameters p = parameters(parameters, "after", "type", "complaintId");
        long after = position("after", p.text("after", 19));
        if (lastEventId != null && !lastEventId.isBlank()) {
            // A reconnecting client sends the id of the last event it got; it wins over the URL's starting point.
            after = position(LAST_EVENT_ID, lastEventId.strip());
        }
        return stream.subscribe(after, filter(p));
    }

    /** Repeated parameters ({@code type=A&type=B}) are read like one comma-separated value. */
    private static QueryParameters parameters(MultiValueMap<String, String> parameters, String... known) {
        Map<String, String> joined = new LinkedHashMap<>();
        parameters.forEach((name, values) -> joined.put(name, String.join(",", values)));
        return QueryParameters.of(joined, ZoneOffset.UTC, known);
    }

    private static long position(String name, String value) {
        if (value == null) {
            return 0;
        }
        try {
            long position = Long.parseLong(value);
            if (position >= 0) {
                return position;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new BadQueryParameter(name, "must be a position: a whole number >= 0 (0 or absent: from the start)");
    }

    private static FeedFilter filter(QueryParameters p) {
        Set<String> types = new LinkedHashSet<>();
        for (String name : p.list("type")) {
            if (!isEvent(name)) {
                throw new BadQueryParameter("type", "'" + name + "' is not an event type (e.g. ComplaintReceived; "
                        + "docs/events.md lists them)");
            }
            types.add(name);
        }
        String complaintId = p.text("complaintId", 64);
        return new FeedFilter(types, complaintId);
    }

    private static boolean isEvent(String name) {
        try {
            return name.matches("[A-Za-z]{1,80}") && Class.forName(EVENTS_PACKAGE + name).isRecord();
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
