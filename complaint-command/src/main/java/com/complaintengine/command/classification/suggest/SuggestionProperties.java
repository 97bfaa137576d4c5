package com.complaintengine.command.classification.suggest;

import com.complaintengine.api.values.Urgency;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Keyword rules of the suggested classification (004 §3 automated classification and dispatch): each
 * subtype rule and each urgency rule lists the words that point to it. Defaults are in
 * {@code classification-suggestions.yml}.
 */
@ConfigurationProperties("complaint.classification.suggestions")
public record SuggestionProperties(List<SubtypeRule> subtypes, List<UrgencyRule> urgencies, String defaultType,
                                   String defaultSubtype) {

    public SuggestionProperties {
        subtypes = subtypes == null ? List.of() : List.copyOf(subtypes);
        urgencies = urgencies == null ? List.of() : List.copyOf(urgencies);
        defaultType = defaultType == null ? "OTHER" : defaultType;
        defaultSubtype = defaultSubtype == null ? "OTHER" : defaultSubtype;
    }

    /** Words that point to a type and subtype. */
    public record SubtypeRule(String type, String subtype, List<String> keywords) {
    }

    /** Words that point to an urgency; {@code personalSafety} rules always win (004). */
    public record UrgencyRule(Urgency urgency, boolean personalSafety, List<String> keywords) {
    }
}
