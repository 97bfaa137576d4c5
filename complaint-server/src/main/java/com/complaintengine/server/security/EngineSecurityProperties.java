package com.complaintengine.server.security;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code complaint.security.*}: how users log in ({@code local} users over HTTP Basic, the embedded default, or
 * {@code jwt} from an OAuth2/OIDC provider), the local users, the JWT claim names, and the request size limit.
 */
@ConfigurationProperties("complaint.security")
public record EngineSecurityProperties(Mode mode, Map<String, LocalUserProperties> users, JwtClaims jwt,
                                       DataSize maxRequestSize) {

    public enum Mode { LOCAL, JWT }

    /**
     * A local user. {@code passwordHash} (e.g. {@code {bcrypt}$2a$10$...}) or {@code password} (hashed at start);
     * with neither, a password is generated at first start, printed once, and only its hash kept in PostgreSQL.
     */
    public record LocalUserProperties(List<Role> roles, String department, String password, String passwordHash) {
    }

    /** Which claims of the token name the user, their roles and their department. */
    public record JwtClaims(String nameClaim, String rolesClaim, String departmentClaim) {

        public JwtClaims {
            nameClaim = nameClaim == null ? "sub" : nameClaim;
            rolesClaim = rolesClaim == null ? "roles" : rolesClaim;
            departmentClaim = departmentClaim == null ? "department" : departmentClaim;
        }
    }

    public EngineSecurityProperties {
        mode = mode == null ? Mode.LOCAL : mode;
        users = users == null ? Map.of() : Map.copyOf(users);
        jwt = jwt == null ? new JwtClaims(null, null, null) : jwt;
        maxRequestSize = maxRequestSize == null ? DataSize.ofKilobytes(64) : maxRequestSize;
    }
}
