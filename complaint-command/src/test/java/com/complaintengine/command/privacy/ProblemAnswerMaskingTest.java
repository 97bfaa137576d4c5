package com.complaintengine.command.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** 001 §1.3: no error answer echoes a national ID or card number the client sent. */
class ProblemAnswerMaskingTest {

    private final ProblemAnswerMasking masking = new ProblemAnswerMasking(new PrivacyGuard(PrivacyProperties.Mode.REFUSE));

    @Test
    @DisplayName("detail, instance and errors of a problem answer are masked; the rest is kept")
    void masksEveryPartOfAProblem() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "no complaint with id 4111111111111111");
        problem.setInstance(URI.create("/api/complaints/4111-1111-1111-1111/escalations"));
        problem.setProperty("code", "complaint-not-found");
        problem.setProperty("errors", List.of(Map.of("field", "11010519491231002X", "message", "is not a known field")));

        masking.mask(problem);

        assertThat(problem.getDetail()).isEqualTo("no complaint with id [CARD ****1111]");
        assertThat(problem.getInstance().getPath()).isEqualTo("/api/complaints/[CARD ****1111]/escalations");
        assertThat(problem.getInstance().toString()).doesNotContain("4111-1111");
        assertThat(problem.getProperties()).containsEntry("code", "complaint-not-found")
                .containsEntry("errors", List.of(Map.of("field", "[ID ****002X]", "message", "is not a known field")));
    }

    @Test
    @DisplayName("a problem without personal numbers is left as it was")
    void leavesOrdinaryProblemsAlone() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "complaint C-1 is archived");
        problem.setInstance(URI.create("/api/complaints/C-1/escalations"));

        masking.mask(problem);

        assertThat(problem.getDetail()).isEqualTo("complaint C-1 is archived");
        assertThat(problem.getInstance()).isEqualTo(URI.create("/api/complaints/C-1/escalations"));
    }
}
