package dev.tune.options;

import dev.tune.Mode;
import dev.tune.result.ObjectiveFunction;
import dev.tune.result.Trial;
import dev.tune.schedule.Scheduler;
import dev.tune.search.Searcher;
import dev.tune.stop.MetricThreshold;
import dev.tune.stop.Stopper;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.IntToLongFunction;
import java.util.function.Supplier;

/**
 * Every experiment option, with its {@code tune.*} key: the one list that {@link Tuner}, the JUnit
 * engine's configuration parameters and the Maven plugin's parameters all map onto. Ray's
 * {@code tune.run} parameters map to these as {@code docs/ray-mapping.md} records.
 */
public final class TuneOption {

    private TuneOption() {
    }

    public static final Option<String> NAME = text("tune.name", "experiment name; default: the trainable's", null);
    public static final Option<List<String>> METRIC = new Option<>("tune.metric",
            "metric(s) to optimise, comma-separated; none: the Hugging Face default objective", null, TuneOption::list);
    public static final Option<List<String>> CONSTRAINTS = new Option<>("tune.constraints",
            "metrics that are constraints, comma-separated: a trial is feasible when each is at most 0"
                    + " in its last result", null, TuneOption::list);
    public static final Option<List<Mode>> MODE = new Option<>("tune.mode",
            "min or max per metric, comma-separated", null, t -> list(t).stream().map(TuneOption::mode).toList());
    public static final Option<ObjectiveFunction> OBJECTIVE = code("tune.objective.instance",
            "custom objective built in code: a function of each result's metrics; wins over tune.objective");
    public static final Option<String> OBJECTIVE_CLASS = text("tune.objective",
            "custom objective by class: the fully qualified name of an ObjectiveFunction", null);
    public static final Option<Integer> SAMPLES = integer("tune.samples",
            "times to sample the space (Ray's num_samples); grids repeat this many times; -1: trials until a"
                    + " stop rule or the time budget ends the experiment", 1);
    public static final Option<Long> SEED = new Option<>("tune.seed",
            "seed for reproducible search; default: drawn at random and recorded", null, Long::parseLong);
    public static final Option<String> SEARCHER = text("tune.searcher",
            "auto (chooses by the space and budget), random, grid, tpe, tpe_multivariate, cmaes, gp, nsga2, bohb,"
                    + " or a Searcher class name",
            "auto");
    public static final Option<Supplier<Searcher>> SEARCHER_FACTORY = code("tune.searcher.instance",
            "a Searcher built in code; wins over tune.searcher");
    public static final Option<String> SCHEDULER = text("tune.scheduler",
            "fifo, median, asha or hyperband, with Ray's parameters:"
                    + " asha(maxT=81,gracePeriod=1,reductionFactor=3)", "fifo");
    public static final Option<Supplier<Scheduler>> SCHEDULER_FACTORY = code("tune.scheduler.instance",
            "a Scheduler built in code; wins over tune.scheduler");
    public static final Option<Integer> MAX_CONCURRENT_TRIALS = integer("tune.maxConcurrentTrials",
            "at most this many trials at once; 0: as many as resources allow", 0);
    public static final Option<Double> CPU = decimal("tune.resources.cpu", "cpus per trial", 1.0);
    public static final Option<Double> GPU = decimal("tune.resources.gpu", "gpus per trial (fractions share)", 0.0);
    public static final Option<Long> MEMORY_MB = new Option<>("tune.resources.memoryMb",
            "heap MiB per trial, counted against this JVM's heap (with process isolation: the child's -Xmx,"
                    + " counted against the machine's memory); 0: not counted", 0L, Long::parseLong);
    public static final Option<Map<String, Double>> CUSTOM_RESOURCES = new Option<>("tune.resources.custom",
            "custom resources per trial, name=amount,...", Map.of(), TuneOption::amounts);
    public static final Option<Double> TOTAL_CPU = decimal("tune.resources.totalCpu",
            "cpus of this machine; default: available processors", (double) Runtime.getRuntime().availableProcessors());
    public static final Option<Double> TOTAL_GPU = decimal("tune.resources.totalGpu",
            "gpus of this machine; default: those nvidia-smi -L lists (else /proc/driver/nvidia/gpus), 0 without",
            null);
    public static final Option<Map<String, Double>> TOTAL_CUSTOM = new Option<>("tune.resources.totalCustom",
            "custom resources of this machine, name=amount,...", Map.of(), TuneOption::amounts);
    public static final Option<Long> MAX_ITERATIONS = new Option<>("tune.stop.maxIterations",
            "stop each trial after this many iterations", null, Long::parseLong);
    public static final Option<Duration> TRIAL_TIME = new Option<>("tune.stop.trialTime",
            "stop each trial once its training time reaches this (30s, 5m, PT1H)", null, TuneOption::duration);
    public static final Option<List<MetricThreshold>> STOP_WHEN = new Option<>("tune.stop.when",
            "stop a trial at a metric threshold: accuracy>=0.98,loss<=0.1", List.of(), MetricThreshold::parseAll);
    public static final Option<List<Stopper>> STOPPERS = code("tune.stop.stoppers.instances",
            "custom stoppers built in code");
    public static final Option<List<String>> STOPPER_CLASSES = new Option<>("tune.stop.stoppers",
            "custom stoppers by class: Stopper class names, comma-separated", null, TuneOption::list);
    public static final Option<Duration> TIME_BUDGET = new Option<>("tune.timeBudget",
            "stop the whole experiment after this long (Ray's time_budget_s)", null, TuneOption::duration);
    public static final Option<Duration> GRACE_TIME = new Option<>("tune.stop.graceTime",
            "how long a step that a time limit interrupted may take to return before its thread is left"
                    + " behind and its slot freed", Duration.ofSeconds(5), TuneOption::duration);
    public static final Option<String> ISOLATION = new Option<>("tune.isolation",
            "thread: trials run in this JVM; process: each slot is a child JVM that runs its trials one after"
                    + " another, so a crash, System.exit or OutOfMemoryError costs one trial", "thread",
            TuneOption::isolation);
    public static final Option<List<String>> ISOLATION_JVM_ARGS = new Option<>("tune.isolation.jvmArgs",
            "with process isolation, the child JVMs' options, space-separated: -XX:+UseSerialGC -Dkey=value"
                    + " (the heap comes from tune.resources.memoryMb when set)", List.of(), TuneOption::words);
    public static final Option<Boolean> ISOLATION_JVM_PER_TRIAL = bool("tune.isolation.jvmPerTrial",
            "with process isolation, a fresh child JVM for every trial instead of one reused per slot", false);
    public static final Option<String> ISOLATION_CLASS_PATH = text("tune.isolation.classPath",
            "with process isolation, the child JVMs' class path; default: the class path the trainable came from",
            null);
    public static final Option<Path> STORAGE_PATH = new Option<>("tune.storagePath",
            "where experiments are written, one directory each", Path.of("target", "tune"), Path::of);
    public static final Option<String> STORAGE = text("tune.storage",
            "where the experiment lives: a directory (as tune.storagePath), or jdbc:postgresql://host:5432/db for one"
                    + " experiment shared by workers on many machines", null);
    public static final Option<String> STORAGE_USER = text("tune.storage.user",
            "database user for a jdbc: storage; default: the environment's PGUSER", null);
    public static final Option<String> STORAGE_PASSWORD = new Option<>("tune.storage.password",
            "database password for a jdbc: storage; default: the environment's PGPASSWORD; never recorded or printed",
            null, t -> t, true);
    public static final Option<Path> STORAGE_CHECKPOINTS = new Option<>("tune.storage.checkpoints",
            "with a jdbc: storage, a directory every worker reaches (a shared file system) for trial directories and"
                    + " checkpoints; default: tune.storagePath on each worker", null, Path::of);
    public static final Option<Duration> HEARTBEAT_INTERVAL = new Option<>("tune.storage.heartbeatInterval",
            "with a jdbc: storage, how often a worker tells the database its trials are alive (Optuna's"
                    + " heartbeat_interval)", Duration.ofSeconds(5), TuneOption::duration);
    public static final Option<Duration> GRACE_PERIOD = new Option<>("tune.storage.gracePeriod",
            "with a jdbc: storage, a running trial without a heartbeat for this long is taken over by another worker"
                    + " (Optuna's grace_period)", Duration.ofSeconds(30), TuneOption::duration);
    public static final Option<Duration> RETRY_FOR = new Option<>("tune.storage.retryFor",
            "with a jdbc: storage, how long a worker retries a database that went away; then it stops, and its trials"
                    + " wait for a worker to take them over", Duration.ofSeconds(60), TuneOption::duration);
    public static final Option<Boolean> STORAGE_REPRODUCIBLE = bool("tune.storage.reproducible",
            "with a jdbc: storage, every worker's searcher and scheduler follow the log in one order, so suggestion k"
                    + " depends only on the seed and the events before it, as on one machine; workers then suggest and"
                    + " decide one at a time", false);
    public static final Option<Boolean> PERSIST = bool("tune.persist",
            "write results to the storage path; false keeps them in memory only", true);
    public static final Option<Integer> VERBOSE = integer("tune.verbose",
            "0 silent, 1 progress table and summary, 2 also each trial's end, 3 also each result", 1);
    public static final Option<Boolean> SUMMARY = bool("tune.summary",
            "print the closing summary (best trial, objective, counts) after the last table", true);
    public static final Option<Boolean> REPORT = bool("tune.report",
            "write report.html, the experiment's charts and trial table, beside a persisted experiment's results"
                    + " when it ends", true);
    public static final Option<Integer> DASHBOARD = integer("tune.dashboard",
            "serve a live dashboard of the running experiment on this port (0 picks a free one); -1 serves none", -1);
    public static final Option<String> DASHBOARD_HOST = text("tune.dashboard.host",
            "the address the dashboard binds to; 0.0.0.0 makes it reachable from other machines", "127.0.0.1");
    public static final Option<Duration> PROGRESS_INTERVAL = new Option<>("tune.progressInterval",
            "how often the progress table is printed while trials run", Duration.ofSeconds(5), TuneOption::duration);
    public static final Option<PrintStream> OUTPUT = code("tune.output",
            "where the progress table goes; default System.out");
    public static final Option<Boolean> LOG_TO_FILE = bool("tune.logToFile",
            "send each trial's System.out and System.err to stdout and stderr files in its directory", false);
    public static final Option<Function<Trial, String>> TRIAL_NAME_CREATOR = code("tune.trialNameCreator.instance",
            "a function from a new trial to its display name, built in code");
    public static final Option<String> TRIAL_NAME_CREATOR_CLASS = text("tune.trialNameCreator",
            "the class of a Function<Trial, String> that names each new trial", null);
    public static final Option<Function<Trial, String>> TRIAL_DIRNAME_CREATOR = code(
            "tune.trialDirnameCreator.instance",
            "a function from a new trial to its directory name (no path separators), built in code");
    public static final Option<String> TRIAL_DIRNAME_CREATOR_CLASS = text("tune.trialDirnameCreator",
            "the class of a Function<Trial, String> that names each new trial's directory", null);
    public static final Option<Integer> CHECKPOINT_FREQUENCY = integer("tune.checkpoint.frequency",
            "save a checkpoint every this many iterations; 0 never", 0);
    public static final Option<Boolean> CHECKPOINT_AT_END = bool("tune.checkpoint.atEnd",
            "save a checkpoint when a trial ends", false);
    public static final Option<Integer> CHECKPOINT_KEEP = integer("tune.checkpoint.keep",
            "keep at most this many checkpoints per trial (the latest always); 0 all", 0);
    public static final Option<String> CHECKPOINT_SCORE = text("tune.checkpoint.score",
            "keep the best checkpoints by this metric, as max:accuracy or min:loss; default: the most recent", null);
    public static final Option<String> RESUME = text("tune.resume",
            "false, or true/auto to continue an earlier run; +errored, +restart_errored, +errored_only,"
                    + " +restart_errored_only as Ray's", "false");
    public static final Option<Integer> MAX_FAILURES = integer("tune.maxFailures",
            "retry a failed trial this many times; -1 without limit", 0);
    public static final Option<Boolean> FAIL_FAST = bool("tune.failFast",
            "stop the experiment at the first trial error", false);
    public static final Option<Boolean> RAISE_ON_FAILED_TRIAL = bool("tune.raiseOnFailedTrial",
            "make Tuner.run throw when any trial ended in error", false);
    public static final Option<Boolean> REUSE_ACTORS = new Option<>("tune.reuseActors",
            "reuse trainable instances across trials; default: when the class declares @Reset", null, TuneOption::bool);
    public static final Option<List<Callback>> CALLBACKS = code("tune.callbacks.instances",
            "experiment callbacks built in code");
    public static final Option<List<String>> CALLBACK_CLASSES = new Option<>("tune.callbacks",
            "experiment callbacks by class: Callback class names, comma-separated", null, TuneOption::list);
    public static final Option<IntToLongFunction> TRIAL_SEEDS = code("tune.trialSeeds",
            "the seed each trial's code gets (TrialContext.seed), by trial number;"
                    + " default: TrialSeeds.of(seed, number)");

    /** Every option, in the order of this class. */
    public static List<Option<?>> all() {
        List<Option<?>> all = new ArrayList<>();
        for (Field field : TuneOption.class.getFields()) {
            if (field.getType() == Option.class) {
                try {
                    all.add((Option<?>) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return all;
    }

    private static Option<String> text(String key, String description, String defaultValue) {
        return new Option<>(key, description, defaultValue, t -> t);
    }

    private static Option<Integer> integer(String key, String description, Integer defaultValue) {
        return new Option<>(key, description, defaultValue, Integer::parseInt);
    }

    private static Option<Double> decimal(String key, String description, Double defaultValue) {
        return new Option<>(key, description, defaultValue, Double::parseDouble);
    }

    private static Option<Boolean> bool(String key, String description, Boolean defaultValue) {
        return new Option<>(key, description, defaultValue, TuneOption::bool);
    }

    private static <T> Option<T> code(String key, String description) {
        return new Option<>(key, description, null, null);
    }

    static boolean bool(String text) {
        switch (text.toLowerCase(Locale.ROOT)) {
            case "true": return true;
            case "false": return false;
            default: throw new IllegalArgumentException("expected true or false");
        }
    }

    /** Reads a mode as the options spell it: {@code min} or {@code max}, in any case. */
    public static Mode mode(String text) {
        switch (text.toLowerCase(Locale.ROOT)) {
            case "min": return Mode.MIN;
            case "max": return Mode.MAX;
            default: throw new IllegalArgumentException("expected min or max, got '" + text + "'");
        }
    }

    static List<String> list(String text) {
        return Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    static Map<String, Double> amounts(String text) {
        Map<String, Double> amounts = new LinkedHashMap<>();
        for (String pair : list(text)) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("expected name=amount, got '" + pair + "'");
            }
            amounts.put(pair.substring(0, eq).trim(), Double.parseDouble(pair.substring(eq + 1).trim()));
        }
        return amounts;
    }

    static String isolation(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (!t.equals("thread") && !t.equals("process")) {
            throw new IllegalArgumentException("tune.isolation is thread or process, got '" + text + "'");
        }
        return t;
    }

    /** Splits {@code text} at whitespace; a part in double quotes may hold spaces. */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (char c : text.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
                any = true;
            } else if (Character.isWhitespace(c) && !quoted) {
                if (any) {
                    words.add(word.toString());
                }
                word.setLength(0);
                any = false;
            } else {
                word.append(c);
                any = true;
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("a double quote is not closed in '" + text + "'");
        }
        if (any) {
            words.add(word.toString());
        }
        return words;
    }

    /**
     * Reads {@code 90}, {@code 90s}, {@code 1.5s}, {@code 250ms}, {@code 5m}, {@code 2h} or ISO-8601
     * {@code PT1M30S}.
     */
    static Duration duration(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        if (t.startsWith("pt")) {
            return Duration.parse(text);
        }
        double factor = 1000;
        String number = t;
        if (t.endsWith("ms")) {
            factor = 1;
            number = t.substring(0, t.length() - 2);
        } else if (t.endsWith("s")) {
            number = t.substring(0, t.length() - 1);
        } else if (t.endsWith("m")) {
            factor = 60_000;
            number = t.substring(0, t.length() - 1);
        } else if (t.endsWith("h")) {
            factor = 3_600_000;
            number = t.substring(0, t.length() - 1);
        }
        double millis = Double.parseDouble(number.trim()) * factor;
        if (!(millis >= 0)) {
            throw new IllegalArgumentException("a duration cannot be negative");
        }
        return Duration.ofNanos((long) (millis * 1_000_000));
    }
}
