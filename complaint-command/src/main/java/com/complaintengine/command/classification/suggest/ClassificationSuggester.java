package com.complaintengine.command.classification.suggest;

import com.complaintengine.api.values.SuggestedClassification;
import com.complaintengine.api.values.Urgency;
import com.complaintengine.command.classification.Taxonomy;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Suggests a classification from the complaint's text by keyword rules, and says which words led to it
 * (004 §3). The subtype with the most matched words wins, ties going to the rule listed first; the urgency
 * is the highest whose words appear, personal-safety words always making it URGENT; nothing matched gives
 * the configured default and GENERAL. The agent accepts or overrides the suggestion.
 */
public final class ClassificationSuggester {

    private final SuggestionProperties rules;

    public ClassificationSuggester(SuggestionProperties rules, Taxonomy taxonomy) {
        for (SuggestionProperties.SubtypeRule rule : rules.subtypes()) {
            if (!taxonomy.subtypesOf(rule.type()).map(s -> s.contains(rule.subtype())).orElse(false)) {
                throw new IllegalArgumentException("suggestion rule names " + rule.type() + "/" + rule.subtype()
                        + ", which is not in complaint.classification.taxonomy");
            }
        }
        if (!taxonomy.subtypesOf(rules.defaultType()).map(s -> s.contains(rules.defaultSubtype())).orElse(false)) {
            throw new IllegalArgumentException("the default suggestion " + rules.defaultType() + "/"
                    + rules.defaultSubtype() + " is not in complaint.classification.taxonomy");
        }
        this.rules = rules;
    }

    public SuggestedClassification suggest(String... texts) {
        String text = String.join("\n", java.util.Arrays.stream(texts).filter(t -> t != null).toList())
                            .toLowerCase(Locale.ROOT);
        List<String> reasons = new ArrayList<>();

        SuggestionProperties.SubtypeRule best = null;
        List<String> bestWords = List.of();
        for (SuggestionProperties.SubtypeRule rule : rules.subtypes()) {
            List<String> words = matched(text, rule.keywords());
            if (words.size() > bestWords.size()) {
                best = rule;
                bestWords = words;
            }
        }
        String type = best == null ? rules.defaultType() : best.type();
        String subtype = best == null ? rules.defaultSubtype() : best.subtype();
        reasons.add(best == null ? "type " + type + "/" + subtype + ": no keyword matched, the default"
                : "type " + type + "/" + subtype + ": matched " + quoted(bestWords));

        Urgency urgency = Urgency.GENERAL;
        String urgencyReason = "urgency GENERAL: no urgency keyword matched";
        boolean safety = false;
        for (SuggestionProperties.UrgencyRule rule : rules.urgencies()) {
            List<String> words = matched(text, rule.keywords());
            if (words.isEmpty() || safety) {
                continue;
            }
            if (rule.personalSafety() || rule.urgency().compareTo(urgency) < 0) {
                urgency = rule.personalSafety() ? Urgency.URGENT : rule.urgency();
                safety = rule.personalSafety();
                urgencyReason = "urgency " + urgency + ": matched " + quoted(words) + (safety ? " (personal safety)" : "");
            }
        }
        reasons.add(urgencyReason);
        return new SuggestedClassification(type, subtype, urgency, reasons);
    }

    /**
     * Latin keywords match whole words with their common endings ("restart" in "restarts", but "press" not in
     * "express" nor "fee" in "feedback"); Chinese ones match anywhere.
     */
    private static List<String> matched(String text, List<String> keywords) {
        return keywords.stream().filter(k -> {
            String keyword = k.toLowerCase(Locale.ROOT);
            // Most keywords are not in the text at all: a plain search rules them out before any pattern runs
            // (the patterns took a third of the CPU of intake, docs/performance.md).
            if (!text.contains(keyword)) {
                return false;
            }
            if (!LATIN.matcher(keyword).matches()) {
                return true;
            }
            return WHOLE_WORDS.computeIfAbsent(keyword, w -> Pattern.compile(
                    "(?<![a-z0-9])" + Pattern.quote(w) + "(?:s|es|d|ed|ing)?(?![a-z0-9])")).matcher(text).find();
        }).toList();
    }

    /** The whole-word pattern of each Latin keyword, compiled once. */
    private static final Map<String, Pattern> WHOLE_WORDS = new ConcurrentHashMap<>();

    private static final Pattern LATIN = Pattern.compile("[a-z0-9 '\\-]+");

    private static String quoted(List<String> words) {
        return String.join(", ", words.stream().map(w -> "'" + w + "'").toList());
    }
}
