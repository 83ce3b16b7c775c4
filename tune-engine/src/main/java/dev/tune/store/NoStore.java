package dev.tune.store;

import dev.tune.result.Result;
import dev.tune.result.Trial;

/** The store of an in-memory experiment: every write is dropped. */
enum NoStore implements ExperimentStore {
    INSTANCE;

    @Override
    public void open(ExperimentInfo experiment) {
    }

    @Override
    public void addTrial(Trial trial) {
    }

    @Override
    public void appendResult(Trial trial, Result result) {
    }

    @Override
    public void addCheckpoint(Trial trial, dev.tune.result.SavedCheckpoint checkpoint) {
    }

    @Override
    public void perturbed(Trial trial, dev.tune.result.Perturbation step, boolean log) {
    }

    @Override
    public void endTrial(Trial trial) {
    }

    @Override
    public void saveState(ExperimentState state) {
    }

    @Override
    public void close() {
    }
}
