-- tune's shared store, version 4: small checkpoints live in the database, so a worker on another
-- machine can take a trial over from its checkpoint, or PBT can copy it, without a shared file
-- system. One row per checkpoint directory: its files as a zip archive, written before the
-- checkpoint's event, so an event never names a checkpoint whose files are not here. Larger
-- checkpoints stay files only, under tune.storage.checkpoints.
CREATE TABLE tune_checkpoint (
    experiment_id BIGINT  NOT NULL REFERENCES tune_experiment (id) ON DELETE CASCADE,
    dir           TEXT    NOT NULL,
    trial_number  INTEGER NOT NULL,
    bytes         BYTEA   NOT NULL,
    PRIMARY KEY (experiment_id, dir)
);
