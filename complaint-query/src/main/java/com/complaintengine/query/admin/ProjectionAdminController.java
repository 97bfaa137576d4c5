package com.complaintengine.query.admin;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Projection status and rebuild for administrators ({@code scripts/rebuild-projections} calls the rebuild). */
@RestController
class ProjectionAdminController {

    private final ProjectionAdmin admin;

    ProjectionAdminController(ProjectionAdmin admin) {
        this.admin = admin;
    }

    @GetMapping("/api/admin/projections")
    Map<String, Object> statuses() {
        return admin.describe();
    }

    @GetMapping("/api/admin/projections/{name}")
    ProjectionAdmin.Status status(@PathVariable String name) {
        return admin.status(name);
    }

    /** 202: the replay runs in the background; follow it at {@code GET /api/admin/projections/{name}}. */
    @PostMapping("/api/admin/projections/{name}/rebuild")
    ResponseEntity<ProjectionAdmin.Status> rebuild(@PathVariable String name) {
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .header("Location", "/api/admin/projections/" + name).body(admin.rebuild(name));
    }

    @ExceptionHandler(ProjectionAdmin.UnknownProjection.class)
    ProblemDetail unknown(ProjectionAdmin.UnknownProjection unknown) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, unknown.getMessage());
        problem.setTitle("Projection not found");
        problem.setProperty("code", "projection-not-found");
        return problem;
    }

    @ExceptionHandler(ProjectionAdmin.RebuildRefused.class)
    ProblemDetail refused(ProjectionAdmin.RebuildRefused refused) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, refused.getMessage());
        problem.setTitle("Rebuild refused");
        problem.setProperty("code", "rebuild-refused");
        return problem;
    }
}
