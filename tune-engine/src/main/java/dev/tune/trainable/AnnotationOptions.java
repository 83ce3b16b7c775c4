package dev.tune.trainable;

import dev.tune.CheckpointConfig;
import dev.tune.FailureConfig;
import dev.tune.Resources;
import dev.tune.Seed;
import dev.tune.Stop;
import dev.tune.StopWhen;
import dev.tune.Trainable;
import dev.tune.options.TuneOption;
import dev.tune.options.TuneOptions;
import dev.tune.result.Objective;
import dev.tune.schedule.Scheduler;
import dev.tune.schedule.Schedulers;
import dev.tune.search.Searcher;
import dev.tune.stop.MetricThreshold;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reads the experiment settings that annotations give into {@link TuneOptions}, checking each. */
final class AnnotationOptions {

    private AnnotationOptions() {
    }

    static TuneOptions read(Class<?> type, AnnotatedElement element, String member) {
        TuneOptions.Builder options = TuneOptions.builder();
        Trainable t = element.getAnnotation(Trainable.class);
        if (t.metric().length > 0) {
            try {
                Objective.of(Arrays.asList(t.metric()), Arrays.asList(t.mode()));
            } catch (IllegalArgumentException e) {
                throw new InvalidTrainableException(type, member, Trainable.class, e.getMessage(),
                        "give one mode per metric, or leave mode empty for min");
            }
            options.set(TuneOption.METRIC, List.of(t.metric()));
        } else if (t.mode().length > 1) {
            throw new InvalidTrainableException(type, member, Trainable.class, "several modes but no metric",
                    "name the metrics, or give a single mode for the default objective");
        }
        if (t.constraints().length > 0) {
            options.set(TuneOption.CONSTRAINTS, List.of(t.constraints()));
        }
        if (t.mode().length > 0) {
            options.set(TuneOption.MODE, List.of(t.mode()));
        }
        if (t.samples() != 0) {
            check(t.samples() >= 1 || t.samples() == -1, type, member, Trainable.class,
                    "samples must be at least 1, or -1 for trials until a stop rule or the time budget ends the"
                    + " experiment; got " + t.samples());
            options.samples(t.samples());
        }
        if (t.maxConcurrentTrials() != -1) {
            check(t.maxConcurrentTrials() >= 0, type, member, Trainable.class,
                    "maxConcurrentTrials must be 0 (no limit) or more, got " + t.maxConcurrentTrials());
            options.maxConcurrentTrials(t.maxConcurrentTrials());
        }
        if (!t.searcher().isEmpty()) {
            AnnotationClasses.checkNamed(t.searcher(), Searcher.class, "searcher", type, member);
            options.searcher(t.searcher());
        }
        if (!t.scheduler().isEmpty()) {
            try {
                if (!AnnotationClasses.checkNamed(t.scheduler(), Scheduler.class, "scheduler", type, member)) {
                    Schedulers.parse(t.scheduler());
                }
            } catch (IllegalArgumentException e) {
                throw new InvalidTrainableException(type, member, Trainable.class, "scheduler: " + e.getMessage(),
                        "write it as fifo, median(...) or asha(...)");
            }
            options.scheduler(t.scheduler());
        }
        if (!t.name().isEmpty()) {
            options.name(t.name());
        }
        Seed seed = annotation(element, type, Seed.class);
        if (seed != null) {
            options.seed(seed.value());
        }
        readResources(annotation(element, type, Resources.class), type, member, options);
        readStop(annotation(element, type, Stop.class), type, member, options);
        AnnotationClasses.read(t, annotation(element, type, Stop.class), type, member, options);
        readThresholds(element.getAnnotationsByType(StopWhen.class), type, member, options);
        readFailures(annotation(element, type, FailureConfig.class), type, member, options);
        readCheckpoints(annotation(element, type, CheckpointConfig.class), type, member, options);
        return options.build();
    }

    private static <A extends Annotation> A annotation(AnnotatedElement element, Class<?> type,
            Class<A> kind) {
        A own = element.getAnnotation(kind);
        return own != null ? own : type.getAnnotation(kind);
    }

    private static void readResources(Resources r, Class<?> type, String member, TuneOptions.Builder options) {
        if (r == null) {
            return;
        }
        check(r.cpu() >= 0 && r.gpu() >= 0 && r.memoryMb() >= 0, type, member, Resources.class,
                "resources cannot be negative: cpu=" + r.cpu() + ", gpu=" + r.gpu() + ", memoryMb=" + r.memoryMb());
        options.set(TuneOption.CPU, r.cpu()).set(TuneOption.GPU, r.gpu()).set(TuneOption.MEMORY_MB, r.memoryMb());
        if (r.custom().length > 0) {
            try {
                options.set(TuneOption.CUSTOM_RESOURCES,
                        TuneOption.CUSTOM_RESOURCES.parse(String.join(",", r.custom())));
            } catch (IllegalArgumentException e) {
                throw new InvalidTrainableException(type, member, Resources.class, "custom: " + e.getMessage(),
                        "write custom resources as \"name=amount\"");
            }
        }
        if (!r.isolation().isEmpty()) {
            try {
                options.set(TuneOption.ISOLATION, TuneOption.ISOLATION.parse(r.isolation()));
            } catch (IllegalArgumentException e) {
                throw new InvalidTrainableException(type, member, Resources.class, "isolation: " + e.getMessage(),
                        "write isolation = \"thread\" or isolation = \"process\"");
            }
        }
        if (r.jvmArgs().length > 0) {
            options.set(TuneOption.ISOLATION_JVM_ARGS, List.of(r.jvmArgs()));
        }
    }

    private static void readStop(Stop s, Class<?> type, String member, TuneOptions.Builder options) {
        if (s == null) {
            return;
        }
        if (s.maxIterations() != -1) {
            check(s.maxIterations() >= 1, type, member, Stop.class, "maxIterations must be at least 1");
            options.maxIterations(s.maxIterations());
        }
        if (s.trialSeconds() != -1) {
            check(s.trialSeconds() > 0, type, member, Stop.class, "trialSeconds must be positive");
            options.set(TuneOption.TRIAL_TIME, Duration.ofNanos((long) (s.trialSeconds() * 1e9)));
        }
        if (s.timeBudgetSeconds() != -1) {
            check(s.timeBudgetSeconds() > 0, type, member, Stop.class, "timeBudgetSeconds must be positive");
            options.timeBudget(Duration.ofNanos((long) (s.timeBudgetSeconds() * 1e9)));
        }
    }

    private static void readFailures(FailureConfig f, Class<?> type, String member, TuneOptions.Builder options) {
        if (f == null) {
            return;
        }
        check(f.maxFailures() >= -1, type, member, FailureConfig.class,
                "maxFailures must be 0 or more, or -1 for no limit, got " + f.maxFailures());
        options.set(TuneOption.MAX_FAILURES, f.maxFailures()).set(TuneOption.FAIL_FAST, f.failFast());
    }

    private static void readCheckpoints(CheckpointConfig c, Class<?> type, String member, TuneOptions.Builder options) {
        if (c == null) {
            return;
        }
        check(c.frequency() >= 0, type, member, CheckpointConfig.class,
                "frequency must be 0 (never) or more, got " + c.frequency());
        check(c.keep() >= 0, type, member, CheckpointConfig.class, "keep must be 0 (all) or more, got " + c.keep());
        options.set(TuneOption.CHECKPOINT_FREQUENCY, c.frequency()).set(TuneOption.CHECKPOINT_AT_END, c.atEnd())
                .set(TuneOption.CHECKPOINT_KEEP, c.keep());
        if (!c.score().isBlank()) {
            String score = c.score().trim();
            int colon = score.indexOf(':');
            String mode = colon > 0 ? score.substring(0, colon).trim() : "max";
            if (!mode.equalsIgnoreCase("max") && !mode.equalsIgnoreCase("min")
                    || score.substring(colon + 1).isBlank()) {
                throw new InvalidTrainableException(type, member, CheckpointConfig.class,
                        "score '" + c.score() + "' is not a metric with a mode",
                        "write score as max:accuracy or min:loss, or leave it empty to keep the most recent");
            }
            options.set(TuneOption.CHECKPOINT_SCORE, score);
        }
    }

    private static void readThresholds(StopWhen[] whens, Class<?> type, String member, TuneOptions.Builder options) {
        List<MetricThreshold> thresholds = new ArrayList<>();
        for (StopWhen w : whens) {
            boolean least = !Double.isNaN(w.atLeast());
            boolean most = !Double.isNaN(w.atMost());
            check(least != most, type, member, StopWhen.class, "metric '" + w.metric()
                    + "' needs exactly one of atLeast or atMost");
            thresholds.add(new MetricThreshold(w.metric(), least, least ? w.atLeast() : w.atMost()));
        }
        if (!thresholds.isEmpty()) {
            options.set(TuneOption.STOP_WHEN, thresholds);
        }
    }

    private static void check(boolean ok, Class<?> type, String member,
            Class<? extends Annotation> annotation, String problem) {
        if (!ok) {
            throw new InvalidTrainableException(type, member, annotation, problem, "correct the annotation's value");
        }
    }
}
