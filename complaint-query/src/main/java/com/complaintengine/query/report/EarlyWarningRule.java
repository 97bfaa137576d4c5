package com.complaintengine.query.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The trends' early warning (004 §5 "高频问题预警"): in a period, a type or subtype is flagged when its count is at
 * least {@code minimumCount} and at least {@code factor} times its baseline, the mean count of the
 * {@code baselinePeriods} periods just before (periods without complaints count as 0, so a problem that appears
 * from nothing at volume is flagged too). Every warning states the numbers it was decided on.
 */
public final class EarlyWarningRule {

    private final ReportProperties.Warning settings;

    public EarlyWarningRule(ReportProperties.Warning settings) {
        this.settings = settings;
    }

    /**
     * @param periods the period labels in order, the first {@code firstReported} of them only serve as baseline
     * @param counts  per key (a type, or type/subtype) its count in each period, aligned with {@code periods}
     */
    public List<TrendReport.Warning> evaluate(String dimension, List<String> periods, int firstReported,
                                              Map<String, long[]> counts) {
        List<TrendReport.Warning> warnings = new ArrayList<>();
        int n = settings.baselinePeriods();
        for (int i = firstReported; i < periods.size(); i++) {
            for (Map.Entry<String, long[]> entry : counts.entrySet()) {
                long count = entry.getValue()[i];
                long sum = 0;
                for (int j = Math.max(0, i - n); j < i; j++) {
                    sum += entry.getValue()[j];
                }
                double baseline = (double) sum / n;
                if (count >= settings.minimumCount() && count >= settings.factor() * baseline) {
                    Double ratio = baseline == 0 ? null : Math.round(count / baseline * 100.0) / 100.0;
                    warnings.add(new TrendReport.Warning(periods.get(i), dimension, entry.getKey(), count,
                            Math.round(baseline * 100.0) / 100.0, ratio, explanation(entry.getKey(), periods.get(i),
                            count, baseline, ratio)));
                }
            }
        }
        warnings.sort((a, b) -> a.period().equals(b.period()) ? a.key().compareTo(b.key())
                : a.period().compareTo(b.period()));
        return warnings;
    }

    private String explanation(String key, String period, long count, double baseline, Double ratio) {
        String base = "%s: %d complaints in %s against a baseline of %.2f (mean of the %d periods before)"
                .formatted(key, count, period, baseline, settings.baselinePeriods());
        return base + (ratio == null ? ", none before" : ", %.2f×".formatted(ratio))
                + "; flagged at ≥ %d complaints and ≥ %.2f× the baseline".formatted(settings.minimumCount(),
                settings.factor());
    }
}
