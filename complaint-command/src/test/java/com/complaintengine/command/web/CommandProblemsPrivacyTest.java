package com.complaintengine.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintengine.command.privacy.PersonalDataRefused;
import com.complaintengine.command.privacy.PersonalDataRefused.Occurrence;
import com.complaintengine.command.privacy.PersonalNumberDetector.Kind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;

/** 001 §1.3: a refusal names each field and the kind of number in it, and never repeats a number. */
class CommandProblemsPrivacyTest {

    private final CommandProblems problems = new CommandProblems();

    @Test
    @DisplayName("a refused personal number is a 422 personal-data-refused naming each field and kind")
    void personalDataRefusedIs422() {
        ProblemDetail problem = problems.personalData(new PersonalDataRefused(List.of(
                new Occurrence("customer.name", Kind.NATIONAL_ID), new Occurrence("facts", Kind.BANK_CARD))));

        assertThat(problem.getStatus()).isEqualTo(422);
        assertThat(problem.getTitle()).isEqualTo("Personal data refused");
        assertThat(problem.getProperties()).containsEntry("code", "personal-data-refused");
        assertThat(problem.getProperties().get("errors")).isEqualTo(List.of(
                Map.of("field", "customer.name",
                        "message", "contains a national ID number, which is never stored (001 §1.3); remove it"),
                Map.of("field", "facts",
                        "message", "contains a bank card number, which is never stored (001 §1.3); remove it")));
        assertThat(problem.getDetail()).isEqualTo("customer.name contains a national ID number; facts contains a bank "
                + "card number, which is never stored (001 §1.3)");
    }
}
