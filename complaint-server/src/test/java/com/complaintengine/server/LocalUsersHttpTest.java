package com.complaintengine.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Issue 7: a local user configured without a password gets one generated at the first start, printed once,
 * stored only as a hash; the next start reuses it and prints nothing. There is no fixed default password.
 */
@ExtendWith(OutputCaptureExtension.class)
class LocalUsersHttpTest {

    private static final Pattern PRINTED = Pattern.compile("Generated password for local user 'newcomer' \\[AGENT]: (\\S+)");

    @Test
    @DisplayName("the generated password is printed once, stored as a BCrypt hash, and still valid after a restart")
    void generatedPasswordIsPrintedOnceAndKept(CapturedOutput output) {
        Path data = Engine.newDataDirectory();
        Engine engine = Engine.start(data, "--complaint.security.users.newcomer.roles=AGENT");
        try {
            Matcher printed = PRINTED.matcher(output.getAll());
            assertThat(printed.find()).as("the password is printed at the first start").isTrue();
            String password = printed.group(1);
            assertThat(password).hasSize(20);
            assertThat(printed.find()).as("printed once").isFalse();

            String hash = engine.jdbc().queryForObject(
                    "select password_hash from local_user_credential where username = 'newcomer'", String.class);
            assertThat(hash).startsWith("{bcrypt}$2").doesNotContain(password);
            Api newcomer = engine.api().withCredentials("newcomer", password);
            assertThat(newcomer.post("/api/complaints", Bodies.complaint()).status()).isEqualTo(201);
            assertThat(engine.api().withCredentials("newcomer", password + "x").get("/api/complaints/C-1").status()).isEqualTo(401);

            int before = output.getAll().length();
            engine.restart();
            assertThat(output.getAll().substring(before)).as("nothing printed on the next start")
                                                         .doesNotContain("Generated password for local user");
            assertThat(engine.api().withCredentials("newcomer", password).post("/api/complaints", Bodies.complaint()).status())
                    .isEqualTo(201);
            assertThat(engine.jdbc().queryForObject("select count(*) from local_user_credential where username = 'newcomer'",
                    Integer.class)).isEqualTo(1);
        } finally {
            engine.closeAndDelete();
        }
    }
}
