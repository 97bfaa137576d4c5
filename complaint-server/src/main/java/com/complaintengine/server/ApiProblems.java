package com.complaintengine.server;

import com.complaintengine.server.security.RequestTooLarge;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Every error answer is {@code application/problem+json} (RFC 9457). Bad input is a 400 that names each
 * field at fault in {@code errors: [{field, message}]}; anything unexpected is a 500 without internals.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        for (FieldError error : ex.getBindingResult().getFieldErrors()) {
            errors.add(Map.of("field", error.getField(),
                    "message", error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage()));
        }
        errors.sort((a, b) -> a.get("field").compareTo(b.get("field")));
        return ResponseEntity.badRequest().body(invalid(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof RequestTooLarge tooLarge) {
                ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, tooLarge.getMessage());
                problem.setTitle("Content too large");
                problem.setProperty("code", "request-too-large");
                return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(problem);
            }
        }
        Throwable cause = ex.getCause();
        Map<String, String> error;
        if (cause instanceof UnrecognizedPropertyException unknown) {
            error = Map.of("field", path(unknown), "message", "is not a known field");
        } else if (cause instanceof InvalidFormatException format && format.getTargetType() != null
                && format.getTargetType().isEnum()) {
            error = Map.of("field", path(format), "message",
                    "must be one of " + Arrays.toString(format.getTargetType().getEnumConstants()));
        } else if (cause instanceof StreamReadException) {
            error = Map.of("field", "", "message", "the body is not well-formed JSON");
        } else if (cause instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
            error = Map.of("field", path(jackson), "message", "has a value of the wrong type or format");
        } else {
            error = Map.of("field", "", "message", "the body is missing or not readable JSON");
        }
        return ResponseEntity.badRequest().body(invalid(List.of(error)));
    }

    @ExceptionHandler(ConcurrencyException.class)
    ProblemDetail concurrent(ConcurrencyException concurrent) {
        return conflict("concurrent-modification",
                "the complaint was changed by another request at the same time; read it and try again");
    }

    @ExceptionHandler(AggregateStreamCreationException.class)
    ProblemDetail duplicate(AggregateStreamCreationException duplicate) {
        return conflict("complaint-exists", "a complaint with this id already exists");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception exception) {
        if (DatabaseUnavailable.isCause(exception)) {
            log.warn("Database unavailable while answering a request: {}", DatabaseUnavailable.describe(exception));
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                    "the complaint store cannot be reached for the moment; try again shortly (with the same Idempotency-Key, a complaint is recorded at most once)");
            problem.setTitle("Service unavailable");
            problem.setProperty("code", "store-unavailable");
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "5").body(problem);
        }
        return ResponseEntity.internalServerError().body(internalError(exception));
    }

    private ProblemDetail internalError(Exception exception) {
        log.error("Unexpected error answering a request", exception);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "the engine could not complete the request; it has been logged");
        problem.setTitle("Internal error");
        problem.setProperty("code", "internal-error");
        return problem;
    }

    private static ProblemDetail conflict(String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail);
        problem.setTitle("Conflict");
        problem.setProperty("code", code);
        return problem;
    }

    private static ProblemDetail invalid(List<Map<String, String>> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                errors.stream().map(e -> (e.get("field") + " " + e.get("message")).strip()).reduce((a, b) -> a + "; " + b)
                      .orElse("invalid request"));
        problem.setTitle("Invalid request");
        problem.setProperty("code", "invalid-request");
        problem.setProperty("errors", errors);
        return problem;
    }

    /** The JSON path of the failing value, e.g. {@code customer.tier} or {@code specialCircumstances[1]}. */
    private static String path(JacksonException exception) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : exception.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
