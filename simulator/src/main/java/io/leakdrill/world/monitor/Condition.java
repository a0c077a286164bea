package io.leakdrill.world.monitor;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A comparison of one measured metric with a threshold, written as in Prometheus rules:
 * {@code old_gen_after_gc_ratio > 0.8}. Alert rules and condition-triggered timeline events share it.
 */
public record Condition(Metric metric, Comparison comparison, double threshold) {

    private static final Pattern FORM = Pattern.compile("\\s*([a-z0-9_]+)\\s*(>=|<=|>|<)\\s*(-?[0-9]+(?:\\.[0-9]+)?)\\s*");

    /** How the metric is compared with the threshold. */
    public enum Comparison {
        ABOVE(">"), AT_LEAST(">="), BELOW("<"), AT_MOST("<=");

        private final String symbol;

        Comparison(String symbol) {
            this.symbol = symbol;
        }

        /** As written in a rule: {@code >}, {@code >=}, {@code <} or {@code <=}. */
        public String symbol() {
            return symbol;
        }

        boolean holds(double value, double threshold) {
            return switch (this) {
                case ABOVE -> value > threshold;
                case AT_LEAST -> value >= threshold;
                case BELOW -> value < threshold;
                case AT_MOST -> value <= threshold;
            };
        }

        static Comparison of(String symbol) {
            for (Comparison c : values()) {
                if (c.symbol.equals(symbol)) {
                    return c;
                }
            }
            throw new IllegalArgumentException("unknown comparison " + symbol);
        }
    }

    /**
     * Parses {@code metric op number}; rejects unknown metrics and conditions no measurement could ever satisfy
     * (a ratio above 1, a latency below 0), so a scenario cannot wait forever on an impossible event.
     */
    public static Condition parse(String text) {
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a condition like 'user_p95_ms > 500'"
                    + " (metric, one of > >= < <=, number)");
        }
        Metric metric = Metric.byId(m.group(1)).orElseThrow(() -> new IllegalArgumentException(
                "unknown metric '" + m.group(1) + "' (known: " + Metric.names() + ")"));
        Condition condition = new Condition(metric, Comparison.of(m.group(2)), Double.parseDouble(m.group(3)));
        if (!condition.satisfiable()) {
            throw new IllegalArgumentException("'" + text.strip() + "' can never hold: " + metric.id()
                    + " ranges over [0, " + (Double.isInfinite(metric.max()) ? "inf" : fmt(metric.max())) + "]");
        }
        return condition;
    }

    private boolean satisfiable() {
        return switch (comparison) {
            case ABOVE -> threshold < metric.max();
            case AT_LEAST -> threshold <= metric.max();
            case BELOW -> threshold > 0;
            case AT_MOST -> threshold >= 0;
        };
    }

    public double valueIn(Sample sample) {
        return metric.valueIn(sample);
    }

    public boolean holds(Sample sample) {
        return comparison.holds(valueIn(sample), threshold);
    }

    @Override
    public String toString() {
        return metric.id() + " " + comparison.symbol + " " + fmt(threshold);
    }

    private static String fmt(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%s", value);
    }
}
