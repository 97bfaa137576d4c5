package com.complaintengine.server.security;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A complaint hidden from a handler answers with the very body of an unknown id. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class SecurityProblems {

    @ExceptionHandler(CaseVisibility.CaseNotVisible.class)
    ProblemDetail notVisible(CaseVisibility.CaseNotVisible hidden) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "no complaint with id " + hidden.complaintId());
        problem.setTitle("Complaint not found");
        problem.setProperty("code", "complaint-not-found");
        return problem;
    }
}
