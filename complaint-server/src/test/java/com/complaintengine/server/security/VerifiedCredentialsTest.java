package com.complaintengine.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.PasswordEncoder;

class VerifiedCredentialsTest {

    /** Counts the checks it is asked for; "hash:x" matches exactly "x". */
    private static class CountingEncoder implements PasswordEncoder {
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

    @Test
    @DisplayName("requests with the same credential during its check share that one check (no BCrypt stampede at expiry)")
    void concurrentChecksOfOneCredentialRunOnce() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CountingEncoder slow = new CountingEncoder() {
            @Override
            public boolean matches(CharSequence raw, String encoded) {
                inside.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return super.matches(raw, encoded);
            }
        };
        VerifiedCredentials encoder = new VerifiedCredentials(slow, Duration.ofMinutes(5), Clock.systemUTC());
        ExecutorService requests = Executors.newFixedThreadPool(8);
        try {
            Future<Boolean> first = requests.submit(() -> encoder.matches("secret", "hash:secret"));
            assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
            List<Future<Boolean>> waiting = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                waiting.add(requests.submit(() -> encoder.matches("secret", "hash:secret")));
            }
            Future<Boolean> wrong = requests.submit(() -> encoder.matches("guess", "hash:secret"));
            Thread.sleep(200); // the seven reach the running check while it is still running
            release.countDown();

            assertThat(first.get(10, TimeUnit.SECONDS)).isTrue();
            for (Future<Boolean> answer : waiting) {
                assertThat(answer.get(10, TimeUnit.SECONDS)).isTrue();
            }
            assertThat(wrong.get(10, TimeUnit.SECONDS)).as("another password is checked on its own").isFalse();
            assertThat(slow.checks).as("one check for the eight requests of one credential, one for the wrong one").hasValue(2);
        } finally {
            requests.shutdownNow();
        }
    }
}
