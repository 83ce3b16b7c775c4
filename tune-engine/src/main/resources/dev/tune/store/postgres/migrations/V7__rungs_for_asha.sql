-- tune's shared store, version 7: ASHA's rungs, one row per trial and rung, for every worker.
--
-- A worker of a shared experiment decided on its trials' results with the values every other
-- worker's trials had at the same rung, which it learned by reading every worker's results from the
-- log: each of W workers read and parsed every result. Now a worker records its trials' values here
-- and, in the same statement, reads the values other workers recorded since it last looked; it keeps
-- each rung's values sorted and reads the cut-off there. No worker reads another's results for
-- ASHA. Atomic per trial: a trial records once at a rung, whichever worker runs it. A worker
-- decides on the values it has read, as Optuna's pruners on shared storage do.
--
-- "Since" is a transaction horizon, not a sequence: a row whose transaction had not committed when
-- a worker read the rungs has a transaction id at or above the oldest transaction then running
-- (pg_snapshot_xmin), so reading from there again finds every row that was missed, and a few seen
-- before, which the worker knows by their trial. Needs PostgreSQL 13 or newer (xid8).

CREATE TABLE tune_rung (
    experiment_id BIGINT           NOT NULL REFERENCES tune_experiment (id) ON DELETE CASCADE,
    bracket       INTEGER          NOT NULL,
    rung          INTEGER          NOT NULL,
    trial_id      TEXT             NOT NULL,
    value         DOUBLE PRECISION NOT NULL,
    tx            XID8             NOT NULL DEFAULT pg_current_xact_id(),
    PRIMARY KEY (experiment_id, bracket, rung, trial_id)
);

CREATE INDEX tune_rung_since ON tune_rung (experiment_id, tx);

-- Reads every rung's values recorded by transactions from p_since on (0: all), then records the
-- values given (one per trial and rung; a trial that has a value there already keeps it). inserted:
-- how many were recorded (fewer when a trial was taken over after its worker was lost, or a
-- statement was tried again after a lost connection). horizon: where this worker's next read starts.
CREATE FUNCTION tune_rung_record(p_experiment BIGINT, p_brackets INTEGER[], p_rungs INTEGER[], p_trials TEXT[],
        p_values DOUBLE PRECISION[], p_since BIGINT, OUT inserted INTEGER, OUT horizon BIGINT,
        OUT brackets INTEGER[], OUT rungs INTEGER[], OUT trials TEXT[], OUT vals DOUBLE PRECISION[])
LANGUAGE plpgsql VOLATILE AS $$
BEGIN
    horizon := pg_snapshot_xmin(pg_current_snapshot())::TEXT::BIGINT;
    SELECT array_agg(r.bracket), array_agg(r.rung), array_agg(r.trial_id), array_agg(r.value)
        INTO brackets, rungs, trials, vals FROM tune_rung r
        WHERE r.experiment_id = p_experiment AND r.tx >= p_since::TEXT::XID8;
    INSERT INTO tune_rung (experiment_id, bracket, rung, trial_id, value)
        SELECT p_experiment, u.b, u.r, u.t, u.v FROM unnest(p_brackets, p_rungs, p_trials, p_values) AS u(b, r, t, v)
        ON CONFLICT DO NOTHING;
    GET DIAGNOSTICS inserted = ROW_COUNT;
END
$$;
