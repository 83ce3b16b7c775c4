package dev.tune.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tune.options.TuneOption;
import dev.tune.options.TuneOptions;
import dev.tune.result.ExperimentResult;
import dev.tune.result.Termination;
import dev.tune.result.Trial;
import dev.tune.run.examples.AnnotatedPlugins;
import dev.tune.run.examples.BadPluginClass;
import dev.tune.run.examples.Endless;
import dev.tune.run.examples.PluginClasses;
import dev.tune.trainable.Experiment;
import dev.tune.trainable.InvalidTrainableException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Options that take code, named by class: on the annotations, and as text (-Dtune.*, the POM, JUnit parameters). */
class ClassOptionsTest {

    private static final String P = PluginClasses.class.getName() + "$";

    @BeforeEach
    void forget() {
        PluginClasses.SEEN.clear();
    }

    @Test
    void theAnnotationsNameCallbacksStoppersObjectiveNameCreatorsAndSchedulerByClass(@TempDir Path storage) {
        ExperimentResult result = Tuner.run(Experiment.of(AnnotatedPlugins.class).get(0),
                Runs.quiet().storagePath(storage).set(TuneOption.PERSIST, true).build());
        assertEquals(5, result.trials().size(), "2 results a trial (the scheduler), 10 in all (the stopper)");
        for (Trial trial : result.trials()) {
            assertEquals("run-" + trial.number(), trial.name());
            assertEquals("dir-" + trial.number(), trial.dir().orElseThrow().getFileName().toString());
            assertEquals(Termination.EARLY_STOPPED, trial.termination().orElseThrow(), "the scheduler by class stopped it");
            assertTrue(PluginClasses.SEEN.contains("complete run-" + trial.number() + " metric=none"),
                    "the callback, built with the experiment's options: " + PluginClasses.SEEN);
        }
        Trial highestLoss = result.trials().stream()
                .max(Comparator.comparingDouble(t -> t.lastResult().orElseThrow().metric("loss"))).orElseThrow();
        assertEquals(highestLoss, result.bestTrial().orElseThrow(), "the objective by class: the loss negated");
    }

    @Test
    void textNamesTheSameClassesAsMinusDTuneOptionsThePomAndJUnitParametersGiveThem() {
        Map<String, String> text = Map.of("tune.callbacks", P + "CountingCallback",
                "tune.stop.stoppers", P + "StopAfterTen", "tune.trialNameCreator", P + "RunNames",
                "tune.trialDirnameCreator", P + "DirNames", "tune.scheduler", P + "StopAtTwo",
                "tune.metric", "loss", "tune.samples", "50", "tune.maxConcurrentTrials", "1");
        ExperimentResult result = Tuner.run(Experiment.of(Endless.class).get(0),
                Runs.quiet().build().overriddenBy(TuneOptions.fromText(text::get)));
        assertEquals(5, result.trials().size());
        assertTrue(result.trials().stream().allMatch(t -> t.name().equals("run-" + t.number())), result.trials()
                .toString());
        assertTrue(PluginClasses.SEEN.contains("complete run-1 metric=loss"), PluginClasses.SEEN.toString());
    }

    @Test
    void aClassOfTheWrongKindOnAnAnnotationIsRefusedWhenTheClassIsRead() {
        InvalidTrainableException e = assertThrows(InvalidTrainableException.class,
                () -> Experiment.of(BadPluginClass.class));
        String message = e.getMessage();
        assertTrue(message.contains(BadPluginClass.class.getName()) && message.contains("bowl")
                && message.contains("@Trainable"), message);
        assertTrue(message.contains("callbacks names " + P + "NotACallback does not implement dev.tune.options.Callback"),
                message);
    }

    @Test
    void aClassNamedAsTextThatIsMissingOrCannotBeBuiltIsAClearErrorBeforeAnyTrial() {
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> Tuner.run(
                Experiment.of(Endless.class).get(0), Runs.quiet().build().overriddenBy(
                        TuneOptions.fromText(Map.of("tune.callbacks", "com.acme.Missing")::get))));
        assertTrue(missing.getMessage().startsWith("tune.callbacks: no class com.acme.Missing on the class path"),
                missing.getMessage());
        IllegalArgumentException unbuildable = assertThrows(IllegalArgumentException.class, () -> Tuner.run(
                Experiment.of(Endless.class).get(0), Runs.quiet().build().overriddenBy(
                        TuneOptions.fromText(Map.of("tune.callbacks", P + "NeedsAString")::get))));
        assertTrue(unbuildable.getMessage().contains("needs a public constructor that takes TuneOptions"),
                unbuildable.getMessage());
    }
}
