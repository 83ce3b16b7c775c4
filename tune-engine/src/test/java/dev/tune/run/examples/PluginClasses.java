package dev.tune.run.examples;

import dev.tune.options.Callback;
import dev.tune.options.TuneOption;
import dev.tune.options.TuneOptions;
import dev.tune.result.ObjectiveFunction;
import dev.tune.result.Result;
import dev.tune.result.Trial;
import dev.tune.schedule.Decision;
import dev.tune.schedule.Scheduler;
import dev.tune.stop.Stopper;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** Classes that options name by class, as a user writes them: public, with the constructors tune builds them by. */
public final class PluginClasses {

    /** What the classes saw, for the test to read: one list per JVM, cleared by the test. */
    public static final List<String> SEEN = new CopyOnWriteArrayList<>();

    private PluginClasses() {
    }

    /** A callback that reads the experiment's options when built. */
    public static final class CountingCallback implements Callback {
        private final String metric;

        public CountingCallback(TuneOptions options) {
            this.metric = String.join(",", options.get(TuneOption.METRIC).orElse(List.of("none")));
        }

        @Override
        public void onTrialComplete(Trial trial) {
            SEEN.add("complete " + trial.name() + " metric=" + metric);
        }
    }

    /** Ends the experiment after ten results in all. */
    public static final class StopAfterTen implements Stopper {
        private int results;

        @Override
        public boolean shouldStopTrial(Result result) {
            results++;
            return false;
        }

        @Override
        public boolean shouldStopAll() {
            return results >= 10;
        }
    }

    /** Stops every trial after its second result. */
    public static final class StopAtTwo implements Scheduler {
        @Override
        public Decision onTrialResult(Result result) {
            return result.iteration() >= 2 ? Decision.STOP : Decision.CONTINUE;
        }
    }

    /** The objective: the loss, negated. */
    public static final class NegatedLoss implements ObjectiveFunction {
        @Override
        public double apply(Map<String, Double> metrics) {
            return -metrics.getOrDefault("loss", Double.NaN);
        }
    }

    /** Names a trial {@code run-<number>}. */
    public static final class RunNames implements Function<Trial, String> {
        @Override
        public String apply(Trial trial) {
            return "run-" + trial.number();
        }
    }

    /** Names a trial's directory {@code dir-<number>}. */
    public static final class DirNames implements Function<Trial, String> {
        @Override
        public String apply(Trial trial) {
            return "dir-" + trial.number();
        }
    }

    /** Not a callback at all. */
    public static final class NotACallback {
    }

    /** A callback tune cannot build: its only constructor takes something else. */
    public static final class NeedsAString implements Callback {
        public NeedsAString(String what) {
        }
    }
}
