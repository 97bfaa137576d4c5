package com.complaintengine.command.escalation;

import com.complaintengine.api.values.Channel;
import com.complaintengine.api.values.Demand;
import com.complaintengine.api.values.EscalationLevel;
import com.complaintengine.api.values.SpecialCircumstance;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The automatic escalation rules (000 §2.2, 003 §3). Each rule that fires is named, so the event says why
 * the complaint went up.
 */
public final class EscalationPolicy {

    public static final String GROUP_SIZE = "group-size";
    public static final String LARGE_CLAIM = "large-claim";
    public static final String MEDIA_OR_REGULATOR_RISK = "media-or-regulator-risk";
    public static final String PERSONAL_SAFETY = "personal-safety";

    private static final Set<SpecialCircumstance> RISKS = EnumSet.of(SpecialCircumstance.MEDIA_PRESENT,
            SpecialCircumstance.EXPOSURE_THREAT, SpecialCircumstance.REGULATOR_THREAT);

    private final EscalationProperties properties;

    public EscalationPolicy(EscalationProperties properties) {
        this.properties = properties;
    }

    /** One rule that fired, with the level it asks for and the reason in words. */
    public record FiredRule(String rule, EscalationLevel level, String reason) {
    }

    /** The decision: the highest level asked for and every rule that fired; empty when none did. */
    public record Decision(EscalationLevel level, List<FiredRule> rules) {

        public List<String> ruleNames() {
            return rules.stream().map(FiredRule::rule).toList();
        }

        public String reason() {
            return String.join("; ", rules.stream().map(FiredRule::reason).toList());
        }
    }

    /** The rules that look at what was recorded at intake. */
    public Optional<Decision> atIntake(int affectedCount, Demand demand, Channel channel,
                                       Set<SpecialCircumstance> circumstances) {
        List<FiredRule> fired = new ArrayList<>();
        if (affectedCount > properties.groupThreshold()) {
            fired.add(new FiredRule(GROUP_SIZE, properties.groupLevel(),
                    affectedCount + " people affected, more than " + properties.groupThreshold()));
        }
        if (demand != null && demand.amount() != null
                && demand.amount().currency().equals(properties.claimCurrency())
                && demand.amount().value().compareTo(properties.claimThreshold()) > 0) {
            fired.add(new FiredRule(LARGE_CLAIM, properties.claimLevel(), "claim of " + demand.amount().value().toPlainString()
                    + " " + demand.amount().currency() + " above " + properties.claimThreshold().toPlainString()));
        }
        List<String> risks = circumstances.stream().filter(RISKS::contains).map(Enum::name).sorted().toList();
        if (!risks.isEmpty() || channel == Channel.REGULATOR_PLATFORM) {
            List<String> named = new ArrayList<>(risks);
            if (channel == Channel.REGULATOR_PLATFORM) {
                named.add("received through a regulator platform");
            }
            fired.add(new FiredRule(MEDIA_OR_REGULATOR_RISK, properties.riskLevel(),
                    "media or regulator risk: " + String.join(", ", named)));
        }
        return decide(fired);
    }

    /** The rule that looks at the classification: someone's personal safety is at stake (004). */
    public Optional<Decision> atClassification(boolean personalSafety) {
        return personalSafety
                ? decide(List.of(new FiredRule(PERSONAL_SAFETY, properties.personalSafetyLevel(), "personal safety at stake")))
                : Optional.empty();
    }

    private static Optional<Decision> decide(List<FiredRule> fired) {
        return fired.stream().map(FiredRule::level).max(Comparator.naturalOrder())
                    .map(level -> new Decision(level, List.copyOf(fired)));
    }
}
