package com.complaintengine.command.pii;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** What the privacy guard does with a national ID or bank card number in a command: mask it (default) or refuse. */
@ConfigurationProperties("complaint.privacy")
public record PrivacyProperties(Mode mode) {

    public enum Mode { MASK, REFUSE }

    public PrivacyProperties {
        mode = mode == null ? Mode.MASK : mode;
    }
}
