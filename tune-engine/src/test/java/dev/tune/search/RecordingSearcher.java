package dev.tune.search;

import dev.tune.Config;
import dev.tune.result.Result;
import dev.tune.result.Trial;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A searcher that proposes {@code {"i": 0}}, {@code {"i": 1}}, ... and records what it is told. */
public class RecordingSearcher implements Searcher {

    final List<String> suggested = new ArrayList<>();
    final List<Trial> completed = new ArrayList<>();
    final List<Result> results = new ArrayList<>();
    private final int configs;
    SearchProblem problem;
    boolean notNowNext;

    /** A searcher with 3 configs. */
    public RecordingSearcher() {
        this(3);
    }

    RecordingSearcher(int configs) {
        this.configs = configs;
    }

    @Override
    public void start(SearchProblem problem) {
        this.problem = problem;
    }

    @Override
    public Suggestion suggest(String trialId) {
        if (notNowNext) {
            notNowNext = false;
            return Suggestion.notNow();
        }
        if (suggested.size() >= configs) {
            return Suggestion.finished();
        }
        suggested.add(trialId);
        return Suggestion.of(Config.of(Map.of("i", suggested.size() - 1)));
    }

    @Override
    public void onTrialResult(Trial trial, Result result) {
        results.add(result);
    }

    @Override
    public void onTrialComplete(Trial trial) {
        completed.add(trial);
    }
}
