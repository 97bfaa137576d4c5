package com.complaintengine.server.security;

import java.util.EnumSet;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** The authenticated user as the engine sees it, whichever way they logged in: name, roles, department. */
record EngineUser(String name, Set<Role> roles, String department) {

    static EngineUser of(Authentication authentication, String departmentClaim) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            String name = authority.getAuthority();
            if (name != null && name.startsWith("ROLE_")) {
                Role.parse(name).ifPresent(roles::add);
            }
        }
        String department = null;
        if (authentication.getPrincipal() instanceof LocalUsers.LocalUser local) {
            department = local.department();
        } else if (authentication instanceof JwtAuthenticationToken jwt) {
            department = jwt.getToken().getClaimAsString(departmentClaim);
        }
        return new EngineUser(authentication.getName(), roles,
                department == null || department.isBlank() ? null : department.strip());
    }
}
