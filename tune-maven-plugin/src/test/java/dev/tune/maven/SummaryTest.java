package dev.tune.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tune.maven.examples.Functions;
import dev.tune.maven.examples.LinearFit;
import dev.tune.result.ExperimentResult;
import dev.tune.options.TuneOptions;
import dev.tune.run.Tuner;
import dev.tune.trainable.Experiment;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SummaryTest {

    private static final TuneOptions QUIET = TuneOptions.builder().inMemory().verbose(0).seed(1).build();

    private final CapturingLog log = new CapturingLog();
    private final Summary summary = new Summary(log, Path::toString);

    @Test
    void namesTheBestTrialItsConfigTheObjectiveTheSearcherAndTheCounts() {
        Experiment experiment = Experiment.ofClass(LinearFit.class);
        ExperimentResult result = Tuner.run(experiment, QUIET);
        summary.print(List.of(new RunSupport.Outcome(experiment, Optional.of(result), Optional.empty())));
        assertEquals(List.of("", "Tune results:",
                "  LinearFit (dev.tune.maven.examples.LinearFit)",
                "    Best trial #3 learningRate=0.75: loss=0.015625",
                "    Config:    learningRate=0.75",
                "    Objective: loss (min)",
                "    Searcher:  auto chose random search over a grid (each of the 3 combinations once) for 3 trials"
                        + " of 1 hyperparameter: a grid asks for every combination, as in Ray",
                "    Trials: 3 terminated (0 stopped early), 0 errors",
                ""), log.info);
    }

    @Test
    void showsTheParetoFrontOfAMultiObjectiveExperiment() throws NoSuchMethodException {
        Experiment experiment = Experiment.of(Functions.class.getDeclaredMethod("second", int.class));
        ExperimentResult result = Tuner.run(experiment, TuneOptions.builder().searcher("grid").build()
                .overriddenBy(QUIET));
        assertEquals(List.of("Pareto front: 2 trials",
                "  #1 k=1: a=1, b=2",
                "  #2 k=2: a=2, b=1",
                "Objective: a (max), b (max): Pareto front",
                "Searcher:  grid search over every choice, grid and integer range of at most 1,000 values (each of"
                        + " the 2 combinations once)",
                "Trials: 2 terminated (0 stopped early), 0 errors"), summary.lines(result));
    }

    @Test
    void printsNothingWhenNoExperimentGotAResult() {
        Experiment experiment = Experiment.ofClass(LinearFit.class);
        summary.print(List.of(new RunSupport.Outcome(experiment, Optional.empty(), Optional.empty())));
        assertEquals(List.of(), log.info);
    }
}
