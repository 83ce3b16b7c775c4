package dev.tune.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tune.options.TuneOption;
import dev.tune.options.TuneOptions;
import dev.tune.result.ExperimentResult;
import dev.tune.run.examples.Bowl;
import dev.tune.store.StoredExperiment;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What searched, in words, reaches the summary, the result and {@code experiment.json}, and survives resume. */
class SearcherSentenceTest {

    private static final String AUTO = "auto chose Gaussian-process search (Matérn 5/2 kernel, log expected"
            + " improvement, 10 random start-up trials) for 12 trials of 2 hyperparameters: 2 to 6 hyperparameters"
            + " that every trial has, at most 500 trials, and no early stopping";

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    private ExperimentResult run(TuneOptions.Builder options) {
        return Runs.runMethod(Bowl.class, "bowl", options.seed(5).verbose(1)
                .output(new PrintStream(printed, true, StandardCharsets.UTF_8)));
    }

    private String printed() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theSummarySaysWhatAutoChoseAndWhy() {
        ExperimentResult result = run(Runs.quiet());
        assertEquals(Optional.of(AUTO), result.searcherDescription());
        assertTrue(printed().contains("\nSearcher: " + AUTO + "\n"), printed());
    }

    @Test
    void aSearcherTheUserChoseIsSimplyNamed() {
        ExperimentResult result = run(Runs.quiet().searcher("random"));
        assertEquals(Optional.of("random search"), result.searcherDescription());
        assertTrue(printed().contains("\nSearcher: random search\n"), printed());
        assertFalse(printed().contains("auto chose"), printed());
    }

    @Test
    void experimentJsonKeepsTheSentenceAndAResumedRunSaysItAgain(@TempDir Path storage) {
        TuneOptions.Builder options = TuneOptions.builder().storagePath(storage).set(TuneOption.PERSIST, true);
        Path dir = run(options).dir().orElseThrow();
        assertEquals(AUTO, StoredExperiment.load(dir).info().searcherDescription());
        assertEquals(Optional.of(AUTO), StoredExperiment.loadResult(dir).searcherDescription());

        printed.reset();
        ExperimentResult resumed = run(options.set(TuneOption.RESUME, "true"));
        assertEquals(Optional.of(AUTO), resumed.searcherDescription());
        assertTrue(printed().contains("\nSearcher: " + AUTO + "\n"), printed());
        assertEquals(AUTO, StoredExperiment.load(dir).info().searcherDescription());
    }
}
