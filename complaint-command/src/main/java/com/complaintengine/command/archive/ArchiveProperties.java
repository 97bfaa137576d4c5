package com.complaintengine.command.archive;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** How long an archived complaint keeps its personal data (001 §2.4); past it, the data is erased. */
@ConfigurationProperties("complaint.archive")
public record ArchiveProperties(Period retention) {

    public ArchiveProperties {
        retention = retention == null ? Period.ofYears(3) : retention;
    }
}
