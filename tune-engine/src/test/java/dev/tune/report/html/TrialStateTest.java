package dev.tune.report.html;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tune.Config;
import dev.tune.result.Termination;
import dev.tune.result.Trial;
import dev.tune.result.TrialStatus;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Every state the report writes has a colour and words on the page. */
class TrialStateTest {

    @Test
    void everyStateTheReportWritesHasAColourAndWordsInReportCoreJs() throws Exception {
        String script;
        try (var in = TrialState.class.getResourceAsStream("report-core.js")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (TrialStatus status : TrialStatus.values()) {
            List<Optional<Termination>> terminations = status == TrialStatus.TERMINATED
                    ? Arrays.stream(Termination.values()).map(Optional::of).toList() : List.of(Optional.empty());
            for (Optional<Termination> termination : terminations) {
                String state = TrialState.of(trial(status, termination));
                String key = state.contains(" ") ? "'" + state + "':" : state + ":";
                int colours = script.indexOf("STATES:");
                int words = script.indexOf("STATE_TEXT:");
                assertTrue(script.indexOf(key, colours) > colours && script.indexOf(key, colours) < words,
                        "no colour for '" + state + "' in report-core.js");
                assertTrue(script.indexOf(key, words) > words, "no words for '" + state + "' in report-core.js");
            }
        }
    }

    private static Trial trial(TrialStatus status, Optional<Termination> termination) {
        return new Trial("t_00001", 1, "#1", Config.of(Map.of()), status, termination, 0, Optional.empty(), Map.of(),
                Optional.empty(), Optional.empty());
    }
}
