package com.complaintengine.command.classification.suggest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.complaintengine.api.values.SuggestedClassification;
import com.complaintengine.api.values.Urgency;
import com.complaintengine.command.classification.Taxonomy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** 004 §3: a suggested classification from the complaint text, explained by the words that led to it. */
class ClassificationSuggesterTest {

    private static final Taxonomy TAXONOMY = new Taxonomy(Map.of(
            "PRODUCT", List.of("QUALITY", "FUNCTION"), "SERVICE", List.of("ATTITUDE"), "OTHER", List.of("OTHER")));
    private static final SuggestionProperties RULES = new SuggestionProperties(List.of(
            new SuggestionProperties.SubtypeRule("PRODUCT", "QUALITY", List.of("重启", "restart", "broken")),
            new SuggestionProperties.SubtypeRule("PRODUCT", "FUNCTION", List.of("does not work", "broken")),
            new SuggestionProperties.SubtypeRule("SERVICE", "ATTITUDE", List.of("态度", "rude"))),
            List.of(new SuggestionProperties.UrgencyRule(Urgency.MAJOR, false, List.of("households", "媒体")),
                    new SuggestionProperties.UrgencyRule(Urgency.URGENT, true, List.of("受伤", "injured"))),
            null, null);

    private final ClassificationSuggester suggester = new ClassificationSuggester(RULES, TAXONOMY);

    @Test
    @DisplayName("001: the washing machine that restarts is PRODUCT/QUALITY, and the reason names the words")
    void washingMachineIsProductQuality() {
        SuggestedClassification s = suggester.suggest("开机5分钟后自动重启3次 — Restarts 3 times", "wants a refund", null);

        assertThat(s.type()).isEqualTo("PRODUCT");
        assertThat(s.subtype()).isEqualTo("QUALITY");
        assertThat(s.urgency()).isEqualTo(Urgency.GENERAL);
        assertThat(s.reasons()).containsExactly("type PRODUCT/QUALITY: matched '重启', 'restart'",
                "urgency GENERAL: no urgency keyword matched");
    }

    @Test
    @DisplayName("004: personal-safety words make it URGENT whatever else matched")
    void personalSafetyIsUrgent() {
        SuggestedClassification s = suggester.suggest("the agent was rude and my son was injured; 86 households", null);

        assertThat(s.urgency()).isEqualTo(Urgency.URGENT);
        assertThat(s.reasons().get(1)).isEqualTo("urgency URGENT: matched 'injured' (personal safety)");
        assertThat(s.subtype()).isEqualTo("ATTITUDE");
    }

    @Test
    @DisplayName("Latin keywords match whole words with their endings: 'rude' is not in 'prudent', 'broken' is in 'broken'")
    void latinKeywordsMatchWholeWords() {
        SuggestedClassification s = suggester.suggest("a prudent answer, householdsx");
        assertThat(s.type()).isEqualTo("OTHER");
        assertThat(s.urgency()).isEqualTo(Urgency.GENERAL);
        assertThat(suggester.suggest("it restarted twice").subtype()).isEqualTo("QUALITY");
    }

    @Test
    @DisplayName("002: many households point to MAJOR")
    void groupWordsAreMajor() {
        assertThat(suggester.suggest("elevator broken again for 86 households").urgency()).isEqualTo(Urgency.MAJOR);
    }

    @Test
    @DisplayName("ties go to the rule listed first; nothing matched gives the default with a reason saying so")
    void tiesAndDefault() {
        assertThat(suggester.suggest("it is broken").subtype()).isEqualTo("QUALITY");
        SuggestedClassification none = suggester.suggest("hello");
        assertThat(none.type() + "/" + none.subtype()).isEqualTo("OTHER/OTHER");
        assertThat(none.reasons().get(0)).isEqualTo("type OTHER/OTHER: no keyword matched, the default");
    }

    @Test
    @DisplayName("a rule naming a subtype outside the taxonomy fails at start-up")
    void unknownSubtypeFailsFast() {
        SuggestionProperties bad = new SuggestionProperties(
                List.of(new SuggestionProperties.SubtypeRule("PRODUCT", "WEATHER", List.of("rain"))), List.of(), null, null);
        assertThatThrownBy(() -> new ClassificationSuggester(bad, TAXONOMY)).hasMessageContaining("PRODUCT/WEATHER");
    }
}
