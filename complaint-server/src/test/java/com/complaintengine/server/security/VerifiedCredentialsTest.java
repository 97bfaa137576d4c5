package com.complaintengine.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.PasswordEncoder;

class VerifiedCredentialsTest {

    /** Counts the checks it is asked for; "hash:x" matches exactly "x". */
    private static final class CountingEncoder implements PasswordEncoder {
        final AtomicInteger checks = new AtomicInteger();

        @Override
        public String encode(CharSequence raw) {
            return "hash:" + raw;
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            checks.incrementAndGet();
            return encoded.equals("hash:" + raw);
        }
    }

    private static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-11-23T10:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    @DisplayName("a matching password is checked once per TTL; a wrong one every time; a changed hash never matches an old entry")
    void remembersOnlySuccesses() {
        CountingEncoder bcrypt = new CountingEncoder();
        MovableClock clock = new MovableClock();
        VerifiedCredentials encoder = new VerifiedCredentials(bcrypt, Duration.ofMinutes(5), clock);

        assertThat(encoder.matches("secret", "hash:secret")).isTrue();
        assertThat(encoder.matches("secret", "hash:secret")).isTrue();
        assertThat(bcrypt.checks).hasValue(1);

        assertThat(encoder.matches("guess", "hash:secret")).isFalse();
        assertThat(encoder.matches("guess", "hash:secret")).isFalse();
        assertThat(bcrypt.checks).hasValue(3);

        // The password was changed: the old password against the new hash is checked, and refused.
        assertThat(encoder.matches("secret", "hash:new")).isFalse();
        assertThat(bcrypt.checks).hasValue(4);

        clock.now = clock.now.plus(Duration.ofMinutes(5));
        assertThat(encoder.matches("secret", "hash:secret")).isTrue();
        assertThat(bcrypt.checks).as("checked again once the entry expired").hasValue(5);
    }

    @Test
    @DisplayName("a TTL of zero checks every time")
    void zeroTtlChecksAlways() {
        CountingEncoder bcrypt = new CountingEncoder();
        VerifiedCredentials encoder = new VerifiedCredentials(bcrypt, Duration.ZERO, Clock.systemUTC());
        encoder.matches("secret", "hash:secret");
        encoder.matches("secret", "hash:secret");
        assertThat(bcrypt.checks).hasValue(2);
        assertThat(encoder.encode("x")).isEqualTo("hash:x");
    }
}
