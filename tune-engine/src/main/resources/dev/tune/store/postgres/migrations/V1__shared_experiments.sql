-- tune's shared store, version 1: experiments, their trials, and each experiment's ordered event log.

-- One row per experiment. Its row lock orders the experiment's events: every append takes it,
-- so an event's seq is also its commit order and a reader never sees a gap that fills later.
CREATE TABLE tune_experiment (
    id           BIGSERIAL PRIMARY KEY,
    name         TEXT        NOT NULL UNIQUE,
    fingerprint  TEXT        NOT NULL,
    info         TEXT        NOT NULL,
    state        TEXT,
    last_seq     BIGINT      NOT NULL DEFAULT 0,
    next_number  INTEGER     NOT NULL DEFAULT 1,
    stop_reason  TEXT,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- One row per trial: who runs it, its last heartbeat, and how often a worker lost it.
CREATE TABLE tune_trial (
    experiment_id BIGINT      NOT NULL REFERENCES tune_experiment (id) ON DELETE CASCADE,
    number        INTEGER     NOT NULL,
    trial_id      TEXT        NOT NULL,
    config        TEXT        NOT NULL,
    status        TEXT        NOT NULL,
    worker        TEXT,
    heartbeat     TIMESTAMPTZ,
    lost          INTEGER     NOT NULL DEFAULT 0,
    PRIMARY KEY (experiment_id, number)
);

CREATE INDEX tune_trial_open ON tune_trial (experiment_id, status) WHERE status IN ('PENDING', 'RUNNING');

-- Everything that happened, append-only: added, result, checkpoint, perturbed, ended, lost.
-- body is the JSON line the local directory's journal or result.json would hold.
CREATE TABLE tune_event (
    experiment_id BIGINT  NOT NULL REFERENCES tune_experiment (id) ON DELETE CASCADE,
    seq           BIGINT  NOT NULL,
    trial_number  INTEGER NOT NULL,
    kind          TEXT    NOT NULL,
    body          TEXT    NOT NULL,
    PRIMARY KEY (experiment_id, seq)
);

-- The workers that joined, for tune:list and for telling a live worker from a dead one.
CREATE TABLE tune_worker (
    experiment_id BIGINT      NOT NULL REFERENCES tune_experiment (id) ON DELETE CASCADE,
    worker        TEXT        NOT NULL,
    host          TEXT        NOT NULL,
    joined_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    heartbeat     TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (experiment_id, worker)
);
