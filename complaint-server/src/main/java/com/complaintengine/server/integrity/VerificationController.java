package com.complaintengine.server.integrity;

import com.complaintengine.query.web.UnknownComplaint;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tamper evidence (issue 7): recomputes a complaint's (or group complaint's) hash chain from the stored rows and
 * reports the first broken link. What it proves and what it does not: README "Tamper evidence".
 */
@RestController
class VerificationController {

    private final ChainVerifier verifier;

    VerificationController(ChainVerifier verifier) {
        this.verifier = verifier;
    }

    /** The same 404 as any read of an unknown complaint. */
    @ExceptionHandler(UnknownComplaint.class)
    ProblemDetail unknown(UnknownComplaint unknown) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, unknown.getMessage());
        problem.setTitle("Complaint not found");
        problem.setProperty("code", "complaint-not-found");
        return problem;
    }

    @GetMapping("/api/complaints/{id}/verification")
    ChainVerifier.Verification complaint(@PathVariable String id) {
        return verifier.verify(id).orElseThrow(() -> new UnknownComplaint(id));
    }

    @GetMapping("/api/group-complaints/{id}/verification")
    ChainVerifier.Verification groupComplaint(@PathVariable String id) {
        return verifier.verify(id).orElseThrow(() -> new UnknownComplaint(id));
    }
}
