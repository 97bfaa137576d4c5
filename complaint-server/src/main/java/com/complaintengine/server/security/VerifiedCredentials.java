package com.complaintengine.server.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A password encoder that remembers, for {@code ttl}, that a password matched its hash. HTTP Basic sends the
 * password with every request, and a BCrypt check costs about 80 ms of CPU here: on 2 cores that alone capped
 * the engine near 25 authenticated requests per second. Only successes are remembered (a wrong password is
 * checked by BCrypt every time), the key is an HMAC of hash and password under a random key of this process
 * (no password is kept), it includes the stored hash (a changed password never matches an old entry), and the
 * cache is bounded. Requests that arrive with the same credential while it is being checked wait for that one check
 * instead of running BCrypt each: when an entry expired under load, every request in flight for that user ran it at
 * once (64 connections: ~5 s of CPU, a 2–3 s stall on 2 cores, seen in the benchmark).
 */
final class VerifiedCredentials implements PasswordEncoder {

    static final int MAX_ENTRIES = 10_000;

    private final PasswordEncoder delegate;
    private final Duration ttl;
    private final Clock clock;
    private final SecretKeySpec key;
    private final Map<String, Instant> verified = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Boolean>> checking = new ConcurrentHashMap<>();

    VerifiedCredentials(PasswordEncoder delegate, Duration ttl, Clock clock) {
        this.delegate = delegate;
        this.ttl = ttl;
        this.clock = clock;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return delegate.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (rawPassword == null || encodedPassword == null || ttl.isZero() || ttl.isNegative()) {
            return delegate.matches(rawPassword, encodedPassword);
        }
        String entry = entry(rawPassword, encodedPassword);
        Instant now = clock.instant();
        Instant until = verified.get(entry);
        if (until != null && now.isBefore(until)) {
            return true;
        }
        CompletableFuture<Boolean> mine = new CompletableFuture<>();
        CompletableFuture<Boolean> running = checking.putIfAbsent(entry, mine);
        if (running != null) {
            try {
                return running.join(); // the same hash and password: the same answer
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e; // as the check itself threw it
            }
        }
        try {
            boolean matches = check(rawPassword, encodedPassword, entry, now);
            mine.complete(matches);
            return matches;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            checking.remove(entry, mine);
        }
    }

    private boolean check(CharSequence rawPassword, String encodedPassword, String entry, Instant now) {
        boolean matches = delegate.matches(rawPassword, encodedPassword);
        if (matches) {
            if (verified.size() >= MAX_ENTRIES) {
                verified.values().removeIf(expiry -> !now.isBefore(expiry));
                if (verified.size() >= MAX_ENTRIES) {
                    verified.clear();
                }
            }
            verified.put(entry, now.plus(ttl));
        } else {
            verified.remove(entry);
        }
        return matches;
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword);
    }

    private String entry(CharSequence rawPassword, String encodedPassword) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(encodedPassword.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            mac.update(rawPassword.toString().getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
