package com.complaintengine.server.personal;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Issue 7, erasure. {@code masterKey}: the base64 of 32 random bytes that wraps every data key
 * ({@code COMPLAINT_PRIVACY_MASTER_KEY}); required with an external database. Without it, the embedded default keeps
 * one in {@code masterKeyFile}, generated at the first start. {@code retentionCheck}: how often archived complaints
 * past their retention are looked for.
 */
@ConfigurationProperties("complaint.privacy")
public record PersonalDataProperties(String masterKey, Path masterKeyFile, Duration retentionCheck) {

    public PersonalDataProperties {
        masterKeyFile = masterKeyFile == null ? Path.of("var", "privacy-master.key") : masterKeyFile;
        retentionCheck = retentionCheck == null ? Duration.ofHours(1) : retentionCheck;
    }
}
