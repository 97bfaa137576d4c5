package com.complaintengine.server;

/** Request bodies of the API, as a client writes them. */
final class Bodies {

    private Bodies() {
    }

    static String complaint() {
        return """
                {"channel": "HOTLINE", "channelDetail": "400 hotline, option 2",
                 "customer": {"name": "Wang Fang", "contact": "138-0000-1111", "tier": "VIP"},
                 "occurredAt": "2026-11-20T08:00:00Z",
                 "facts": "restarts 3 times within 5 minutes of power-on",
                 "expectation": "wants a replacement unit",
                 "demand": {"type": "EXCHANGE", "amount": {"value": 1299.00, "currency": "CNY"}},
                 "emotion": "raised voice because unresolved",
                 "specialCircumstances": ["ELDERLY"], "affectedCount": 1}""";
    }

    static String classification() {
        return """
                {"type": "PRODUCT", "subtype": "QUALITY", "urgency": "URGENT"}""";
    }

    static String acknowledgement() {
        return """
                {"channel": "phone", "message": "We are sorry; a technician is assigned.",
                 "promise": "call back within 24 h"}""";
    }

    static String escalation() {
        return """
                {"level": "MAJOR", "reason": "customer threatens to go to the media"}""";
    }

    static String resolution() {
        return """
                {"remedy": "COMPENSATION", "amount": {"value": "300.50", "currency": "CNY"},
                 "summary": "unit exchanged and 300.50 CNY compensation paid"}""";
    }

    static String archive() {
        return """
                {"note": "customer satisfied"}""";
    }
}
