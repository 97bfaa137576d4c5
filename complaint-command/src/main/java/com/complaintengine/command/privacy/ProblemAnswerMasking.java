package com.complaintengine.command.privacy;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Error answers repeat what the client sent: the URL as {@code instance} (an id typed as a card number), a
 * key or a field name in {@code detail} and {@code errors}. Every problem answer, from any handler, is
 * masked like a command before it is written, so no error answer echoes a personal number (001 §1.3).
 */
@RestControllerAdvice
class ProblemAnswerMasking implements ResponseBodyAdvice<Object> {

    private final PrivacyGuard guard;

    ProblemAnswerMasking(PrivacyGuard guard) {
        this.guard = guard;
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
                                  Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request,
                                  ServerHttpResponse response) {
        if (body instanceof ProblemDetail problem) {
            mask(problem);
        }
        return body;
    }

    void mask(ProblemDetail problem) {
        problem.setTitle(guard.mask(problem.getTitle()));
        problem.setDetail(guard.mask(problem.getDetail()));
        if (problem.getInstance() != null) {
            problem.setInstance(masked(problem.getInstance()));
        }
        if (problem.getProperties() != null) {
            Map<String, Object> properties = new LinkedHashMap<>(problem.getProperties());
            properties.forEach((name, value) -> problem.setProperty(name, masked(value)));
        }
    }

    private URI masked(URI instance) {
        String path = instance.getPath();
        String maskedPath = guard.mask(path);
        if (path == null || maskedPath.equals(path)) {
            return instance;
        }
        try {
            return new URI(null, null, maskedPath, null); // quotes the mask's brackets and spaces
        } catch (URISyntaxException e) {
            return URI.create("about:blank");
        }
    }

    private Object masked(Object value) {
        if (value instanceof String text) {
            return guard.mask(text);
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> masked = new LinkedHashMap<>();
            map.forEach((key, element) -> masked.put(masked(key), masked(element)));
            return masked;
        }
        if (value instanceof Collection<?> collection) {
            List<Object> masked = new ArrayList<>(collection.size());
            collection.forEach(element -> masked.add(masked(element)));
            return masked;
        }
        return value;
    }
}
