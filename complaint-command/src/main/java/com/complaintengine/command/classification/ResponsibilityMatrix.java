package com.complaintengine.command.classification;

import com.complaintengine.api.values.Routing;
import java.util.List;
import java.util.Map;

/** Routes a complaint type to its departments by the configured, versioned matrix (004 §2, 000 §2.2). */
public final class ResponsibilityMatrix {

    private final String version;
    private final Map<String, ClassificationProperties.Route> routes;

    public ResponsibilityMatrix(String version, Map<String, ClassificationProperties.Route> routes) {
        if (version == null || version.isBlank()) {
            throw new IllegalArgumentException("complaint.classification.matrix-version is required");
        }
        this.version = version;
        this.routes = Map.copyOf(routes);
    }

    /** Fails at start-up rather than at the first complaint of a type nobody routes. */
    public void requireRouteForEvery(List<String> types) {
        List<String> missing = types.stream().filter(type -> !routes.containsKey(type)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("complaint.classification.routing has no route for " + missing);
        }
    }

    public Routing route(String type) {
        ClassificationProperties.Route route = routes.get(type);
        if (route == null) {
            throw new IllegalArgumentException("no route for complaint type " + type);
        }
        return new Routing(route.primary(), route.cooperating(), route.gatekeeper(), route.decisionAuthority(),
                version);
    }
}
