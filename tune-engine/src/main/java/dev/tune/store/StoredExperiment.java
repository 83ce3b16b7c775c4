package dev.tune.store;

import dev.tune.Config;
import dev.tune.Mode;
import dev.tune.io.Json;
import dev.tune.result.ExperimentResult;
import dev.tune.result.Objective;
import dev.tune.result.Perturbation;
import dev.tune.result.Result;
import dev.tune.result.Trial;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An experiment as read back from the directory a {@link LocalDirectoryStore} wrote: its
 * description, its last state snapshot when one was saved, and its trials rebuilt from the
 * journal and their results. Config values come back as JSON types ({@code Long} when integral
 * in the text, else {@code Double}; {@code String}; {@code Boolean}); enums as their names.
 *
 * @param info the experiment's description, from {@code experiment.json}
 * @param state the last state snapshot, from {@code experiment-state.json}, when present
 * @param trials every trial in the journal, by trial number
 */
public record StoredExperiment(ExperimentInfo info, Optional<ExperimentState> state, List<Trial> trials) {

    private static final Logger LOG = LoggerFactory.getLogger(StoredExperiment.class);

    public StoredExperiment {
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(state, "state");
        trials = List.copyOf(trials);
    }

    /**
     * Reads the experiment in {@code experimentDir}. A line cut short by a crash, or otherwise
     * unreadable, is skipped with a warning, as is a trial whose files cannot be read; an
     * unreadable state snapshot is left out with a warning.
     *
     * @throws IllegalArgumentException when the directory holds no {@code experiment.json}, or an
     *     unreadable one
     */
    public static StoredExperiment load(Path experimentDir) {
        Path infoFile = experimentDir.resolve(StoreLayout.EXPERIMENT);
        if (!Files.isRegularFile(infoFile)) {
            throw new IllegalArgumentException(experimentDir + " holds no tune experiment: it has no "
                    + StoreLayout.EXPERIMENT);
        }
        ExperimentInfo info;
        try {
            info = ExperimentJson.readInfo(Json.readJsonObject(infoFile));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(infoFile + " is not a readable experiment description: "
                    + e.getMessage(), e);
        }
        return new StoredExperiment(info, state(experimentDir.resolve(StoreLayout.STATE)),
                TrialReplay.load(experimentDir));
    }

    /**
     * The experiment in {@code experimentDir} as an {@link ExperimentResult}, as Ray's
     * {@code ExperimentAnalysis} reads a finished run. Its objective is the recorded metrics and
     * modes (a derived objective is its recorded {@value Objective#DERIVED_NAME} metric); its wall
     * time runs from the start to the last saved state, or is zero when no state was saved.
     *
     * @throws IllegalArgumentException when the directory holds no tune experiment
     */
    public static ExperimentResult loadResult(Path experimentDir) {
        return load(experimentDir).result(Optional.of(experimentDir),
                String.valueOf(experimentDir.getFileName()));
    }

    /** This experiment as an {@link ExperimentResult}; {@code fallbackName} when the record names none. */
    public ExperimentResult result(Optional<Path> dir, String fallbackName) {
        Duration wall = state
                .filter(s -> info.startedAt() != null && s.updatedAt() != null)
                .map(s -> Duration.between(info.startedAt(), s.updatedAt()))
                .filter(duration -> !duration.isNegative())
                .orElse(Duration.ZERO);
        return new ExperimentResult(info.name() == null ? fallbackName : info.name(), objective(info), trials, dir,
                wall, info.seed(), Optional.ofNullable(info.searcherDescription()));
    }

    private static Objective objective(ExperimentInfo info) {
        if (info.metrics().isEmpty()) {
            return Objective.of(Objective.DERIVED_NAME, Mode.MIN);
        }
        List<Mode> modes = info.modes().stream().map(m -> Mode.valueOf(m.toUpperCase(Locale.ROOT))).toList();
        String constraints = info.options().get("tune.constraints");
        return Objective.of(info.metrics(), modes).withConstraints(constraints == null || constraints.isBlank()
                ? List.of() : Arrays.stream(constraints.split(",")).map(String::trim).toList());
    }

    /**
     * Every result {@code trial} recorded, in order, read from its {@code result.json}; a line cut
     * short by a crash is skipped with a warning. Empty for a trial without a directory.
     */
    public static List<Result> results(Trial trial) {
        return trial.dir().map(dir -> JsonLinesReader.read(dir.resolve(StoreLayout.RESULT),
                line -> ResultLine.read(line, trial.id()))).orElse(List.of());
    }

    /**
     * Population Based Training's exploits recorded in {@code experimentDir} ({@code pbt_global.txt}),
     * in order, with the ids of {@code trials}; empty for an experiment that ran without PBT.
     */
    public static List<Perturbation> perturbations(Path experimentDir, List<Trial> trials) {
        Map<String, String> ids = new HashMap<>();
        trials.forEach(trial -> ids.put(trial.name(), trial.id()));
        return PbtLog.read(experimentDir, ids);
    }

    /**
     * Each trial's config when it was added, by trial id, from {@code experimentDir}'s journal:
     * what a trial started with before Population Based Training changed it.
     */
    public static Map<String, Config> firstConfigs(Path experimentDir) {
        Map<String, Config> configs = new LinkedHashMap<>();
        Path journal = experimentDir.resolve(StoreLayout.JOURNAL);
        for (JournalEvent event : JsonLinesReader.read(journal, JournalEvent::parse)) {
            if (Journal.ADDED.equals(event.kind) && event.config != null) {
                configs.putIfAbsent(event.id, Config.of(event.config));
            }
        }
        return configs;
    }

    private static Optional<ExperimentState> state(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(ExperimentJson.readState(Json.readJsonObject(file)));
        } catch (IOException | RuntimeException e) {
            LOG.warn("Ignoring unreadable experiment state {}: {}", file, e.toString());
            return Optional.empty();
        }
    }
}
