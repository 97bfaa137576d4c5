package com.complaintengine.query.feed;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the public event feed ({@code complaint.feed}). {@code gapTimeout}: a hole in the positions younger
 * than this may still be filled by a transaction in flight, so a page stops before it; an older hole is a rolled-back
 * insert and is passed. {@code defaultLimit}/{@code maxLimit}: events per page. {@code maxScan}: rows looked at per
 * request when filters skip most of them. The stream: {@code pollInterval}, {@code heartbeat} comments,
 * {@code maxSubscribers} open streams, {@code streamTimeout} after which a stream ends (the client resumes).
 */
@ConfigurationProperties("complaint.feed")
public record FeedProperties(Duration gapTimeout,
                             Integer defaultLimit,
                             Integer maxLimit,
                             Integer maxScan,
                             String source,
                             Duration pollInterval,
                             Duration heartbeat,
                             Integer maxSubscribers,
                             Duration streamTimeout) {

    public FeedProperties {
        gapTimeout = gapTimeout == null ? Duration.ofSeconds(10) : gapTimeout;
        defaultLimit = defaultLimit == null ? 100 : defaultLimit;
        maxLimit = maxLimit == null ? 1000 : maxLimit;
        maxScan = maxScan == null ? 10_000 : maxScan;
        source = source == null ? "/complaint-engine" : source;
        pollInterval = pollInterval == null ? Duration.ofMillis(500) : pollInterval;
        heartbeat = heartbeat == null ? Duration.ofSeconds(15) : heartbeat;
        maxSubscribers = maxSubscribers == null ? 100 : maxSubscribers;
        streamTimeout = streamTimeout == null ? Duration.ofMinutes(30) : streamTimeout;
        if (gapTimeout.isNegative() || defaultLimit < 1 || maxLimit < defaultLimit || maxScan < maxLimit
                || maxSubscribers < 1 || pollInterval.isZero() || pollInterval.isNegative()) {
            throw new IllegalArgumentException("complaint.feed needs gap-timeout >= 0, 1 <= default-limit <= max-limit"
                    + " <= max-scan, max-subscribers >= 1 and a positive poll-interval");
        }
    }

    public static FeedProperties defaults() {
        return new FeedProperties(null, null, null, null, null, null, null, null, null);
    }
}
