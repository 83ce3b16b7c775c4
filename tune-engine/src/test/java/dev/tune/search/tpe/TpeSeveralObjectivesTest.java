package dev.tune.search.tpe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tune.Mode;
import dev.tune.options.TuneOptions;
import dev.tune.result.ExperimentResult;
import dev.tune.result.Hypervolume;
import dev.tune.result.Objective;
import dev.tune.result.Trial;
import dev.tune.run.Tuner;
import dev.tune.search.AutoSearch;
import dev.tune.search.SearchProblem;
import dev.tune.search.Searchers;
import dev.tune.search.tpe.examples.Zdt1;
import dev.tune.trainable.Experiment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** TPE on several objectives, end to end through the tuner: reproducible, and better than random search. */
class TpeSeveralObjectivesTest {

    private static ExperimentResult run(String searcher, long seed) {
        return Tuner.run(Experiment.of(Zdt1.class).get(0), TuneOptions.builder().samples(80)
                .seed(seed).searcher(searcher).maxConcurrentTrials(1).inMemory().verbose(0).build());
    }

    private static double hypervolume(ExperimentResult result) {
        List<double[]> points = new ArrayList<>();
        for (Trial t : result.trials()) {
            points.add(new double[] {t.lastResult().orElseThrow().metric("f1"), t.lastResult().orElseThrow().metric("f2")});
        }
        return Hypervolume.of(points, new double[] {1.1, 11});
    }

    @Test
    void theSameSeedSuggestsTheSameTrials() {
        List<Object> first = run("tpe", 4).trials().stream().map(t -> (Object) t.config()).toList();
        List<Object> again = run("tpe", 4).trials().stream().map(t -> (Object) t.config()).toList();
        assertEquals(first, again);
    }

    @Test
    void itsFrontDominatesMoreThanRandomSearchsOnZdt1() {
        double[] tpe = new double[3];
        double[] random = new double[3];
        for (int seed = 0; seed < 3; seed++) {
            tpe[seed] = hypervolume(run("tpe", seed));
            random[seed] = hypervolume(run("random", seed));
        }
        Arrays.sort(tpe);
        Arrays.sort(random);
        assertTrue(tpe[1] > random[1], "median hypervolume after 80 trials: TPE " + Arrays.toString(tpe)
                + ", random " + Arrays.toString(random));
    }

    @Test
    void autoPicksTpeForSeveralObjectives() {
        AutoSearch auto = (AutoSearch) Searchers.byName("auto");
        auto.start(new SearchProblem(Experiment.of(Zdt1.class).get(0).space(),
                Objective.of(List.of("f1", "f2"), List.of(Mode.MIN, Mode.MIN)), 50, 1));
        assertInstanceOf(TpeSearch.class, auto.chosen());
    }
}
