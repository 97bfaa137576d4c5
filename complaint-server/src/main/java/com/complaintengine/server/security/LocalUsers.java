package com.complaintengine.server.security;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The local users of the embedded default (issue 7), from {@code complaint.security.users}. A user configured
 * without a password gets one generated at the first start: it is printed once, and only its hash is stored
 * ({@code local_user_credential}); later starts, on any node, reuse the hash and print nothing. There is no
 * fixed default password.
 */
class LocalUsers implements UserDetailsService, SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(LocalUsers.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final int GENERATED_LENGTH = 20;

    private final Map<String, EngineSecurityProperties.LocalUserProperties> configured;
    private final JdbcTemplate jdbc;
    private final PasswordEncoder encoder;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, String> hashes = new ConcurrentHashMap<>();

    LocalUsers(EngineSecurityProperties properties, JdbcTemplate jdbc, PasswordEncoder encoder, Clock clock) {
        this.configured = properties.users();
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.clock = clock;
        configured.forEach((name, user) -> {
            if (user.roles() == null || user.roles().isEmpty()) {
                throw new IllegalStateException("complaint.security.users." + name + ".roles names no role");
            }
            if (user.passwordHash() != null && !user.passwordHash().startsWith("{")) {
                throw new IllegalStateException("complaint.security.users." + name
                        + ".password-hash needs its algorithm in front, e.g. {bcrypt}$2a$10$...");
            }
        });
    }

    /** A logged-in local user: Spring's user plus the department. */
    static final class LocalUser extends User {

        private final String department;

        LocalUser(String name, String hash, List<Role> roles, String department) {
            super(name, hash, roles.stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList());
            this.department = department;
        }

        String department() {
            return department;
        }
    }

    /** Runs once every bean exists, so after Flyway has created {@code local_user_credential}. */
    @Override
    public void afterSingletonsInstantiated() {
        List<String> plain = configured.entrySet().stream().filter(e -> e.getValue().passwordHash() != null
                && e.getValue().passwordHash().startsWith("{noop}")).map(Map.Entry::getKey).sorted().toList();
        if (!plain.isEmpty()) {
            log.warn("Local users {} have plain-text passwords ({noop}): for tests only", plain);
        }
        configured.forEach((name, user) -> {
            if (user.passwordHash() != null) {
                hashes.put(name, user.passwordHash());
            } else if (user.password() != null && !user.password().isBlank()) {
                hashes.put(name, encoder.encode(user.password()));
            } else {
                hashes.put(name, storedOrGenerated(name));
            }
        });
    }

    private String storedOrGenerated(String name) {
        List<String> stored = jdbc.queryForList("select password_hash from local_user_credential where username = ?",
                String.class, name);
        if (!stored.isEmpty()) {
            return stored.get(0);
        }
        String password = generate();
        int inserted = jdbc.update("""
                insert into local_user_credential (username, password_hash, created_at) values (?, ?, ?)
                on conflict (username) do nothing""", name, encoder.encode(password), Timestamp.from(clock.instant()));
        if (inserted == 1) {
            // Shown this once, for whoever started the engine; only the hash is kept.
            log.warn("Generated password for local user '{}' {}: {}  (shown once; only its hash is stored)",
                    name, configured.get(name).roles(), password);
        }
        // Another node may have won the insert: its hash is the one that counts.
        return jdbc.queryForObject("select password_hash from local_user_credential where username = ?", String.class, name);
    }

    private String generate() {
        StringBuilder password = new StringBuilder(GENERATED_LENGTH);
        for (int i = 0; i < GENERATED_LENGTH; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        EngineSecurityProperties.LocalUserProperties user = configured.get(username);
        String hash = hashes.get(username);
        if (user == null || hash == null) {
            throw new UsernameNotFoundException("no such user");
        }
        // A fresh instance each time: Spring erases the password of the one it authenticated.
        return new LocalUser(username, hash, user.roles(), user.department());
    }
}
