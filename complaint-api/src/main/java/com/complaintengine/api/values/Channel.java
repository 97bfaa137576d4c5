package com.complaintengine.api.values;

/** Where a complaint came in (001 §2.1, 002 §1.2, 003 §2). */
public enum Channel {
    STORE_COUNTER,
    SERVICE_WINDOW,
    WEBSITE,
    APP,
    SOCIAL_MEDIA,
    HOTLINE,
    DIRECT_PHONE,
    THIRD_PARTY_PLATFORM,
    REGULATOR_PLATFORM
}
