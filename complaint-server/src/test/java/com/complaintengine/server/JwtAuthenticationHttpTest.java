package com.complaintengine.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 7, production login: the engine as an OAuth2 resource server validating real RS256 JWTs against the
 * public key it is configured with (the test generates the key pair and signs the tokens); roles, name and
 * department from configured claims — here Keycloak-style nested roles and a {@code dept} claim.
 */
class JwtAuthenticationHttpTest {

    private static Engine engine;
    private static Api api;
    private static KeyPair issuerKey;
    private static Path keyFile;

    @BeforeAll
    static void engine() throws Exception {
        issuerKey = rsa();
        keyFile = Files.createTempFile("issuer-public-key", ".pem");
        Files.writeString(keyFile, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(issuerKey.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n");
        engine = Engine.start(Engine.newDataDirectory(), "--complaint.security.mode=jwt",
                "--spring.security.oauth2.resourceserver.jwt.public-key-location=file:" + keyFile,
                "--complaint.security.jwt.name-claim=preferred_username",
                "--complaint.security.jwt.roles-claim=realm_access.roles",
                "--complaint.security.jwt.department-claim=dept");
        api = engine.api();
    }

    @AfterAll
    static void stop() throws IOException {
        engine.closeAndDelete();
        Files.deleteIfExists(keyFile);
    }

    private static KeyPair rsa() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private static Api bearer(String user, List<String> roles, String department) {
        return api.withAuthorization("Bearer " + token(issuerKey, user, roles, department, Instant.now().plusSeconds(300)));
    }

    private static String token(KeyPair key, String user, List<String> roles, String department, Instant expires) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject("id-" + user).claim("preferred_username", user)
                .claim("realm_access", Map.of("roles", roles)).issueTime(new Date()).expirationTime(Date.from(expires));
        if (department != null) {
            claims.claim("dept", department);
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims.build());
        try {
            jwt.sign(new RSASSASigner(key.getPrivate()));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    @Test
    @DisplayName("a valid token's user is the operator; its roles decide; a handler's department scopes the cases")
    void validTokenAuthenticates() {
        Api agent = bearer("agent-lin", List.of("agent", "offline_access"), null);
        Api.Response received = agent.post("/api/complaints", Bodies.complaint());
        assertThat(received.status()).isEqualTo(201);
        String id = received.json().get("id").asString();
        assertThat(agent.post("/api/complaints/" + id + "/classification", Bodies.classification()).status()).isEqualTo(204);
        agent.awaitProjected(id);
        agent.get("/api/complaints/" + id + "/history").json().get("events")
             .forEach(e -> assertThat(e.get("operator").asString()).isEqualTo("agent-lin"));

        assertThat(bearer("analyst-ma", List.of("ANALYST"), null).post("/api/complaints", Bodies.complaint()).status())
                .isEqualTo(403);
        assertThat(bearer("handler-gao", List.of("HANDLER"), "technology").get("/api/complaints/" + id).status()).isEqualTo(200);
        assertThat(bearer("handler-he", List.of("HANDLER"), "logistics").get("/api/complaints/" + id).status()).isEqualTo(404);
        assertThat(bearer("handler-no-dept", List.of("HANDLER"), null).get("/api/complaints/" + id).status()).isEqualTo(404);
    }

    @Test
    @DisplayName("no token, an expired token, a token of another issuer's key, or Basic credentials: 401 with the Bearer challenge")
    void invalidTokensAreRefused() throws GeneralSecurityException {
        Api.Response none = api.anonymous().get("/api/complaints/C-1");
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(none.contentType()).startsWith("application/problem+json");

        String expired = token(issuerKey, "agent-lin", List.of("AGENT"), null, Instant.now().minusSeconds(600));
        String forged = token(rsa(), "agent-lin", List.of("AGENT"), null, Instant.now().plusSeconds(300));
        for (String token : List.of(expired, forged, "not-a-jwt")) {
            Api.Response refused = api.withAuthorization("Bearer " + token).post("/api/complaints", Bodies.complaint());
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        assertThat(api.as(Api.OPERATOR).get("/api/complaints/C-1").status()).as("local users are off in jwt mode").isEqualTo(401);
    }
}
