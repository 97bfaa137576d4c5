package com.complaintengine.query.web;

import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The read side's refusals as problem+json, in the same shape as the write side's. */
@RestControllerAdvice(basePackages = "com.complaintengine.query")
@Order(Ordered.HIGHEST_PRECEDENCE)
class QueryProblems {

    @ExceptionHandler(BadQueryParameter.class)
    ProblemDetail badParameter(BadQueryParameter bad) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                bad.parameter() + " " + bad.getMessage());
        problem.setTitle("Invalid request");
        problem.setProperty("code", "invalid-request");
        problem.setProperty("errors", List.of(Map.of("field", bad.parameter(), "message", bad.getMessage())));
        return problem;
    }

    @ExceptionHandler(UnknownComplaint.class)
    ProblemDetail unknown(UnknownComplaint unknown) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, unknown.getMessage());
        problem.setTitle("Complaint not found");
        problem.setProperty("code", "complaint-not-found");
        return problem;
    }

    @ExceptionHandler(StreamsBusy.class)
    ProblemDetail busy(StreamsBusy busy) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, busy.getMessage());
        problem.setTitle("Too many open streams");
        problem.setProperty("code", "streams-busy");
        return problem;
    }
}
