package com.complaintengine.command.web;

import com.complaintengine.command.complaint.ComplaintRefused;
import com.complaintengine.command.complaint.Refusal;
import com.complaintengine.command.intake.IdempotencyKeyReused;
import com.complaintengine.command.privacy.PersonalDataRefused;
import java.util.List;
import java.util.Map;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Refusals of the write side as RFC 9457 problem answers with a machine-readable {@code code}. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class CommandProblems {

    @ExceptionHandler(ComplaintRefused.class)
    ProblemDetail refused(ComplaintRefused refused) {
        Refusal refusal = refused.refusal();
        HttpStatus status = refusal.kind() == Refusal.Kind.CONFLICT ? HttpStatus.CONFLICT : HttpStatus.UNPROCESSABLE_CONTENT;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, refusal.reason());
        problem.setTitle(status == HttpStatus.CONFLICT ? "Transition refused" : "Rule refused");
        problem.setProperty("code", refusal.code());
        return problem;
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ProblemDetail unknownComplaint(AggregateNotFoundException notFound) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "no complaint with id " + notFound.getAggregateIdentifier());
        problem.setTitle("Complaint not found");
        problem.setProperty("code", "complaint-not-found");
        return problem;
    }

    @ExceptionHandler(IdempotencyKeyReused.class)
    ProblemDetail keyReused(IdempotencyKeyReused reused) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, reused.getMessage());
        problem.setTitle("Idempotency key reused");
        problem.setProperty("code", "idempotency-key-reused");
        return problem;
    }

    /**
     * 001 §1.3 in refuse mode: each field holding a national ID or bank card number, and which kind; the
     * number itself is never repeated. The guard runs in a dispatch interceptor, so sendAndWait throws this as is.
     */
    @ExceptionHandler(PersonalDataRefused.class)
    ProblemDetail personalData(PersonalDataRefused refused) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, refused.getMessage());
        problem.setTitle("Personal data refused");
        problem.setProperty("code", "personal-data-refused");
        problem.setProperty("errors", refused.occurrences().stream().map(o -> Map.of("field", o.field(),
                "message", "contains a " + o.kind().description() + ", which is never stored (001 §1.3); remove it"))
                .toList());
        return problem;
    }

    @ExceptionHandler(InvalidField.class)
    ProblemDetail invalidField(InvalidField invalid) {
        return badRequest(invalid.field(), invalid.getMessage());
    }

    @ExceptionHandler(OperatorArgumentResolver.UnauthenticatedOperator.class)
    ProblemDetail unauthenticated(OperatorArgumentResolver.UnauthenticatedOperator unauthenticated) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, unauthenticated.getMessage());
        problem.setTitle("Unauthorized");
        problem.setProperty("code", "authentication-required");
        return problem;
    }

    /** Same shape as the server's answer to invalid bodies: {@code errors: [{field, message}]}. */
    private static ProblemDetail badRequest(String field, String message) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, field + " " + message);
        problem.setTitle("Invalid request");
        problem.setProperty("code", "invalid-request");
        problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
        return problem;
    }
}
