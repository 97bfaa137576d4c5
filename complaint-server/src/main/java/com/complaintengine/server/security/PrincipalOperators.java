package com.complaintengine.server.security;

import com.complaintengine.command.web.Operator;
import com.complaintengine.command.web.OperatorSource;
import java.util.Optional;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;

/**
 * The operator of a command is the authenticated principal (issue 7): its name, the role {@link AccessRules}
 * decided the step is performed in, its department and, for a handler, the department it is limited to.
 */
class PrincipalOperators implements OperatorSource {

    private final String departmentClaim;

    PrincipalOperators(String departmentClaim) {
        this.departmentClaim = departmentClaim;
    }

    @Override
    public Optional<Operator> operatorOf(NativeWebRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        EngineUser user = EngineUser.of(authentication, departmentClaim);
        Object decided = request.getAttribute(AccessRules.ACTING_AS, RequestAttributes.SCOPE_REQUEST);
        if (!(decided instanceof AccessRules.ActingAs actingAs)) {
            return Optional.empty();
        }
        return Optional.of(new Operator(user.name(), actingAs.role().name(), user.department(),
                actingAs.departmentScope()));
    }
}
