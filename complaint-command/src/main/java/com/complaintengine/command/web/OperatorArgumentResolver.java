package com.complaintengine.command.web;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Resolves the {@link Operator} of a command request; a request without one is refused with a 400. */
class OperatorArgumentResolver implements HandlerMethodArgumentResolver {

    private static final int MAX_LENGTH = 100;

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Operator.class;
    }

    @Override
    public Operator resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                                    NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        String name = webRequest.getHeader(Operator.HEADER);
        if (name == null || name.isBlank()) {
            throw new MissingOperatorException("is required: it names who performs the step");
        }
        if (name.length() > MAX_LENGTH) {
            throw new MissingOperatorException("has at most " + MAX_LENGTH + " characters");
        }
        String role = webRequest.getHeader(Operator.ROLE_HEADER);
        if (role != null && !role.matches("[A-Za-z_]{1,30}")) {
            throw new MissingOperatorException("role must be a role name such as HANDLER");
        }
        return new Operator(name.strip(), role == null ? null : role.toUpperCase(java.util.Locale.ROOT));
    }

    /** The operator header is missing or unusable. */
    static class MissingOperatorException extends RuntimeException {
        MissingOperatorException(String message) {
            super(message);
        }
    }
}
