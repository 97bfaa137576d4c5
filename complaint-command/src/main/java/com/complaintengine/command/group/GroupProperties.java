package com.complaintengine.command.group;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Group complaint rules (002): 3–5 representatives above the group threshold, 3–5 verification samples. */
@ConfigurationProperties("complaint.group")
public record GroupProperties(Integer minRepresentatives, Integer maxRepresentatives, Integer minSamples,
                              Integer maxSamples) {

    public GroupProperties {
        minRepresentatives = minRepresentatives == null ? 3 : minRepresentatives;
        maxRepresentatives = maxRepresentatives == null ? 5 : maxRepresentatives;
        minSamples = minSamples == null ? 3 : minSamples;
        maxSamples = maxSamples == null ? 5 : maxSamples;
    }

    public static GroupProperties defaults() {
        return new GroupProperties(null, null, null, null);
    }
}
