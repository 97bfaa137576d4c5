package com.complaintengine.server.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Reads of one complaint by a handler: only a complaint routed to their department (primary or cooperating, or
 * assigned to it) is shown; any other is answered exactly as an unknown id. Commands are checked by the
 * complaint itself, on its own state; reads by the read side, which follows within milliseconds.
 */
class CaseVisibility implements HandlerInterceptor {

    private final JdbcTemplate jdbc;

    CaseVisibility(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
            return true;
        }
        if (request.getAttribute(AccessRules.ACTING_AS) instanceof AccessRules.ActingAs actingAs
                && actingAs.departmentScope() != null && actingAs.complaintId() != null
                && !visible(actingAs.complaintId(), actingAs.departmentScope())) {
            throw new CaseNotVisible(actingAs.complaintId());
        }
        return true;
    }

    private boolean visible(String complaintId, String department) {
        if (department.isBlank()) {
            return false;
        }
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                select exists (select 1 from complaint_summary where complaint_id = ? and (primary_department = ?
                    or coalesce(document -> 'classification' -> 'routing' -> 'cooperatingDepartments', '[]'::jsonb)
                       @> jsonb_build_array(?::text)
                    or document -> 'assignment' ->> 'department' = ?))""", Boolean.class,
                complaintId, department, department, department));
    }

    /** A complaint the user may not see: answered as unknown, so its existence is not revealed. */
    static class CaseNotVisible extends RuntimeException {

        private final String complaintId;

        CaseNotVisible(String complaintId) {
            super("no complaint with id " + complaintId);
            this.complaintId = complaintId;
        }

        String complaintId() {
            return complaintId;
        }
    }
}
