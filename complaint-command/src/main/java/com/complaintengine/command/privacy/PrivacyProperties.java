package com.complaintengine.command.privacy;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code complaint.privacy.mode}: what the guard does with a national ID or bank card number in a command,
 * {@code mask} it (the default) or {@code refuse} the command.
 */
@ConfigurationProperties("complaint.privacy")
public record PrivacyProperties(Mode mode) {

    public enum Mode { MASK, REFUSE }

    public PrivacyProperties {
        mode = mode == null ? Mode.MASK : mode;
    }
}
