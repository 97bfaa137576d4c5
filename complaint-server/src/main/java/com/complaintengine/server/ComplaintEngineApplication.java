package com.complaintengine.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The complaint engine: write side, read side and their HTTP API on one PostgreSQL. */
@SpringBootApplication(scanBasePackages = "com.complaintengine")
public class ComplaintEngineApplication {

    public static void main(String[] args) {
        disableUpdateChecker();
        SpringApplication.run(ComplaintEngineApplication.class, args);
    }

    /**
     * A complaint system makes no outbound calls. Axon reads this switch only as a system property or
     * the environment variable {@code AXONIQ_UPDATE_CHECKER_DISABLED}, never from application.yml.
     */
    public static void disableUpdateChecker() {
        if (System.getProperty("axoniq.update-checker.disabled") == null) {
            System.setProperty("axoniq.update-checker.disabled", "true");
        }
    }
}
