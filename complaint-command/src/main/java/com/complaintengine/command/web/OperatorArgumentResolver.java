package com.complaintengine.command.web;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Resolves the {@link Operator} of a command request from the authenticated principal; the {@code X-Operator}
 * and {@code X-Operator-Role} headers of earlier versions are not read. A request without a principal is refused.
 */
class OperatorArgumentResolver implements HandlerMethodArgumentResolver {

    private final ObjectProvider<OperatorSource> source;
    /**
     * The source once found: looking it up through the provider resolved the bean by type on every request (1.6 % of
     * the server's CPU at intake in a profile, docs/performance.md "seventh session").
     */
    private volatile OperatorSource found;

    OperatorArgumentResolver(ObjectProvider<OperatorSource> source) {
        this.source = source;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Operator.class;
    }

    @Override
    public Operator resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                                    NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        OperatorSource operators = found;
        if (operators == null) {
            operators = source.getIfAvailable();
            found = operators;
        }
        return (operators == null ? java.util.Optional.<Operator>empty() : operators.operatorOf(webRequest))
                .orElseThrow(UnauthenticatedOperator::new);
    }

    /** No authenticated user performs this request. */
    static class UnauthenticatedOperator extends RuntimeException {
        UnauthenticatedOperator() {
            super("authentication is required: the operator of every step is the authenticated user");
        }
    }
}
