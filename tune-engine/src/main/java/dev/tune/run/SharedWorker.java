package dev.tune.run;

import dev.tune.options.TuneOption;
import dev.tune.options.TuneOptions;
import dev.tune.result.ExperimentResult;
import dev.tune.store.ExperimentInfo;
import dev.tune.store.postgres.Heartbeats;
import dev.tune.store.postgres.PostgresExperiment;
import dev.tune.store.postgres.PostgresLocation;
import dev.tune.trainable.Experiment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs this JVM as one worker of an experiment shared through a database
 * ({@code tune.storage=jdbc:postgresql://...}): joins it (the first worker creates it), takes the
 * experiment's seed and trial-id tag from its record, and runs trials until no worker has any left.
 * Trial directories and checkpoints go under {@code tune.storage.checkpoints} when set (a
 * directory every worker reaches), else under this machine's {@code tune.storagePath}.
 */
final class SharedWorker {

    private SharedWorker() {
    }

    static Tuner.Run run(Experiment experiment, TuneOptions options, String url) {
        PostgresLocation location = PostgresLocation.of(url, options.get(TuneOption.STORAGE_USER).orElse(null),
                options.get(TuneOption.STORAGE_PASSWORD).orElse(null), System.getenv());
        RunPlan plan = RunPlan.resolve(experiment, options);
        if (!plan.scheduler().replicable()) {
            throw new IllegalArgumentException("Experiment " + plan.name() + ": scheduler " + plan.scheduler()
                    + " cannot decide across workers of a shared experiment (tune.storage=" + location.display()
                    + "): every worker keeps a copy that hears every worker's results, so copies told the same"
                    + " events must decide alike; declare it with Scheduler.replicable() when they do, run it on"
                    + " one machine, or use fifo, asha, median, hyperband or pbt");
        }
        Path dir = options.get(TuneOption.STORAGE_CHECKPOINTS).orElse(options.resolve(TuneOption.STORAGE_PATH))
                .resolve(plan.name());
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the trial directory root " + dir, e);
        }
        // what searched, as a searcher started on this problem says it (auto's choice needs the problem)
        String searcher = plan.startedSearcher(plan.scheduler()).describe();
        ExperimentInfo mine = new ExperimentRunner(plan, null).info(Naming.newTag(), searcher);
        Heartbeats.Settings settings = new Heartbeats.Settings(options.resolve(TuneOption.HEARTBEAT_INTERVAL),
                options.resolve(TuneOption.GRACE_PERIOD), plan.maxFailures(), options.resolve(TuneOption.RETRY_FOR));
        PostgresExperiment shared = PostgresExperiment.join(location, mine, dir, settings);
        try {
            if (shared.info().seed() != plan.seed()) {
                // every worker's searcher replays the same log, so all need the first worker's seed
                plan = RunPlan.resolve(experiment, options.overriddenBy(TuneOptions.builder()
                        .seed(shared.info().seed()).build()));
            }
            ExperimentRunner runner = new ExperimentRunner(plan, null, new SharedCoordination(plan, shared));
            ExperimentResult result = runner.run();
            return new Tuner.Run(plan, result, runner.firstFailure());
        } finally {
            shared.close();
        }
    }
}
