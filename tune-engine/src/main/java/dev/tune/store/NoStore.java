package dev.tune.store;

import dev.tune.result.Perturbation;
import dev.tune.result.Result;
import dev.tune.result.SavedCheckpoint;
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
    public void addCheckpoint(Trial trial, SavedCheckpoint checkpoint) {
    }

    @Override
    public void perturbed(Trial trial, Perturbation step, boolean log) {
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
