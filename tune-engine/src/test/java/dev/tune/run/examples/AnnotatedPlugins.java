package dev.tune.run.examples;

import dev.tune.Step;
import dev.tune.Stop;
import dev.tune.Trainable;
import dev.tune.Uniform;
import dev.tune.run.examples.PluginClasses.CountingCallback;
import dev.tune.run.examples.PluginClasses.DirNames;
import dev.tune.run.examples.PluginClasses.NegatedLoss;
import dev.tune.run.examples.PluginClasses.RunNames;
import dev.tune.run.examples.PluginClasses.StopAfterTen;
import java.util.Map;

/** Every option that takes code, named by class on the annotations. */
@Trainable(samples = 100, maxConcurrentTrials = 1, searcher = "random", callbacks = CountingCallback.class,
        objective = NegatedLoss.class, trialNameCreator = RunNames.class, trialDirnameCreator = DirNames.class,
        scheduler = "dev.tune.run.examples.PluginClasses$StopAtTwo")
@Stop(stoppers = StopAfterTen.class)
public class AnnotatedPlugins {
    @Uniform(lower = 0, upper = 1)
    double x;

    @Step
    Map<String, Double> step() {
        return Map.of("loss", x);
    }
}
