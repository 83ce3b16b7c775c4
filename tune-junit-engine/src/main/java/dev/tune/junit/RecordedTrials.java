package dev.tune.junit;

import dev.tune.result.Trial;
import dev.tune.run.Tuner;
import dev.tune.store.StoredExperiment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The trials an experiment's results directory records, read back to run some of them again, each
 * with its recorded config and the seed its code had ({@code TrialContext.seed()}).
 *
 * @param dir the experiment's results directory
 * @param experimentSeed the recorded experiment's seed, from which each trial's own seed derives
 * @param trials the recorded trials by number
 */
record RecordedTrials(Path dir, long experimentSeed, Map<Integer, Trial> trials) {

    /**
     * Reads the run recorded in {@code dir} for experiment {@code name}.
     *
     * @throws IllegalStateException naming the directory and the experiment when no run is recorded there
     */
    static RecordedTrials load(Path dir, String name, List<Integer> wanted) {
        if (!exists(dir)) {
            throw new IllegalStateException("Cannot run " + describe(wanted) + " of experiment '" + name
                    + "' again: no run of it is recorded under " + dir.getParent() + " (there is no " + dir
                    + "/experiment.json). Run the experiment in full mode first (tune.junit.mode=full), or set "
                    + "tune.storagePath to the directory it ran in.");
        }
        StoredExperiment stored = StoredExperiment.load(dir);
        Map<Integer, Trial> byNumber = new TreeMap<>();
        stored.trials().forEach(t -> byNumber.put(t.number(), t));
        return new RecordedTrials(dir, stored.info().seed(), byNumber);
    }

    /** True when {@code dir} holds a recorded run. */
    static boolean exists(Path dir) {
        return Files.isRegularFile(dir.resolve("experiment.json"));
    }

    /**
     * The recorded trials with these numbers, in the order given.
     *
     * @throws IllegalStateException naming the numbers that exist when one was never recorded
     */
    List<Trial> select(String name, List<Integer> numbers) {
        List<Trial> selected = new ArrayList<>();
        for (int number : numbers) {
            Trial trial = trials.get(number);
            if (trial == null) {
                throw new IllegalStateException("Cannot run trial #" + number + " of experiment '" + name
                        + "' again: " + dir + " records " + (trials.isEmpty() ? "no trials"
                        : "trials " + ranges(List.copyOf(trials.keySet()))) + ".");
            }
            selected.add(trial);
        }
        return selected;
    }

    /**
     * The number a trial of a re-run stands for: the k-th trial that runs is the k-th of
     * {@code numbers}, or its own when {@code numbers} is empty (not a re-run).
     */
    static int recordedNumber(Trial trial, List<Integer> numbers) {
        return numbers.isEmpty() ? trial.number() : numbers.get(trial.number() - 1);
    }

    /** The trial's name under its recorded number: {@code #1 a=0.01} of a re-run of trial 3 is {@code #3 a=0.01}. */
    static String recordedName(Trial trial, List<Integer> numbers) {
        return numbers.isEmpty() ? trial.name()
                : trial.name().replaceFirst("^#\\d+", "#" + recordedNumber(trial, numbers));
    }

    private static String describe(List<Integer> numbers) {
        return numbers.size() == 1 ? "trial #" + numbers.get(0) : "trials " + ranges(numbers);
    }

    /** {@code #1 to #4, #7}: sorted numbers with runs folded. */
    static String ranges(List<Integer> sorted) {
        StringBuilder text = new StringBuilder();
        int i = 0;
        while (i < sorted.size()) {
            int j = i;
            while (j + 1 < sorted.size() && sorted.get(j + 1) == sorted.get(j) + 1) {
                j++;
            }
            text.append(text.length() == 0 ? "" : ", ").append('#').append(sorted.get(i));
            if (j > i) {
                text.append(j == i + 1 ? ", #" : " to #").append(sorted.get(j));
            }
            i = j + 1;
        }
        return text.toString();
    }

    /**
     * The display names of recorded trials, so a trial selected by its unique id shows in the test
     * tree as it did when it ran ({@code #2 a=0.01, b=2}); {@code #2} when nothing is recorded. Each
     * results directory is read at most once per discovery.
     */
    static final class Names {

        private final Optional<EngineSettings> settings;
        private final Map<Path, Map<Integer, Trial>> read = new HashMap<>();

        Names(Optional<EngineSettings> settings) {
            this.settings = settings;
        }

        String name(ExperimentDescriptor experiment, int number) {
            Optional<Trial> trial = settings.flatMap(s -> experiment.experiment()
                    .map(e -> Tuner.experimentDir(e, s.options())))
                    .map(dir -> read.computeIfAbsent(dir, Names::trials).get(number));
            return trial.map(Trial::name).orElse("#" + number);
        }

        private static Map<Integer, Trial> trials(Path dir) {
            Map<Integer, Trial> byNumber = new HashMap<>();
            if (exists(dir)) {
                try {
                    StoredExperiment.load(dir).trials().forEach(t -> byNumber.put(t.number(), t));
                } catch (RuntimeException e) {
                    // An unreadable run is reported when the trial is run; here it only costs the name.
                }
            }
            return byNumber;
        }
    }
}
