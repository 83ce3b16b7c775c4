package dev.tune.trainable;

import dev.tune.Config;
import dev.tune.TrialContext;

/** Where the value for one parameter or field of a trainable comes from, per trial. */
sealed interface Binding {

    Object value(Config config, TrialContext context);

    /** The trial's live {@link TrialContext}. */
    record Context() implements Binding {
        @Override
        public Object value(Config config, TrialContext context) {
            return context;
        }
    }

    /** The trial's whole {@link Config}. */
    record WholeConfig() implements Binding {
        @Override
        public Object value(Config config, TrialContext context) {
            return config;
        }
    }

    /**
     * One hyperparameter by name, converted to the member's type.
     *
     * @param member the member's description for messages, e.g. {@code field 'lr'}
     */
    record Value(String name, Class<?> type, String member) implements Binding {
        @Override
        public Object value(Config config, TrialContext context) {
            if (!config.has(name)) {
                if (type.isPrimitive()) {
                    throw new IllegalStateException("Hyperparameter '" + name + "' for " + member
                            + " is absent from this trial's config " + config.asMap().keySet()
                            + " (a sample-from returned null); declare the member with a boxed type to receive null");
                }
                return null;
            }
            try {
                return ValueConverter.coerce(config.get(name), type);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("Hyperparameter '" + name + "' for " + member + ": "
                        + e.getMessage(), e);
            }
        }
    }
}
