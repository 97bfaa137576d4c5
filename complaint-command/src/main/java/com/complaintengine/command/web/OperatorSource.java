package com.complaintengine.command.web;

import java.util.Optional;
import org.springframework.web.context.request.NativeWebRequest;

/**
 * The operator of the current request, from its authenticated principal. The server provides it (issue 7: the
 * write side does not know how users log in); empty when the request carries no authenticated user.
 */
public interface OperatorSource {

    Optional<Operator> operatorOf(NativeWebRequest request);
}
