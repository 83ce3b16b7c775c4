-- tune's shared store, version 6: a claim holds the experiment's row once, and briefly.
--
-- 1. The experiment counts its trials (tune_experiment.trials). Taking a number compared the
--    samples with count(*) over the experiment's trials, under the row lock: a claim cost more the
--    more trials there were, and every worker waited for it.
-- 2. tune_add_taken_and_take records a trial and takes the worker's next number in the same
--    statement: one hold of the row per claim where there were two. The worker keeps the number for
--    its next suggestion; it counts towards the samples while the worker's heartbeat lives, and the
--    worker gives it back when it leaves, as any number it took.

ALTER TABLE tune_experiment ADD COLUMN trials INTEGER NOT NULL DEFAULT 0;
UPDATE tune_experiment e SET trials = (SELECT count(*) FROM tune_trial t WHERE t.experiment_id = e.id);

CREATE OR REPLACE FUNCTION tune_take_number(p_experiment BIGINT, p_limit INTEGER, p_worker TEXT,
        p_grace_s DOUBLE PRECISION, OUT taken INTEGER, OUT stop_reason TEXT, OUT pending BOOLEAN)
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    v_next   INTEGER;
    v_trials INTEGER;
BEGIN
    SELECT e.next_number, e.stop_reason, e.trials INTO v_next, stop_reason, v_trials FROM tune_experiment e
        WHERE e.id = p_experiment FOR NO KEY UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'experiment % was deleted from the database', p_experiment;
    END IF;
    taken := 0;
    pending := EXISTS (SELECT 1 FROM tune_trial t WHERE t.experiment_id = p_experiment AND t.status = 'PENDING');
    IF stop_reason IS NOT NULL OR pending THEN
        RETURN;
    END IF;
    IF p_limit > 0 AND v_trials
            + (SELECT count(*) FROM tune_number n JOIN tune_worker w
                   ON w.experiment_id = n.experiment_id AND w.worker = n.worker
               WHERE n.experiment_id = p_experiment
                 AND w.heartbeat > now() - make_interval(secs => p_grace_s)) >= p_limit THEN
        RETURN;
    END IF;
    INSERT INTO tune_number (experiment_id, number, worker) VALUES (p_experiment, v_next, p_worker);
    UPDATE tune_experiment SET next_number = v_next + 1 WHERE id = p_experiment;
    taken := v_next;
END
$$;

CREATE OR REPLACE FUNCTION tune_add_taken(p_experiment BIGINT, p_number INTEGER, p_trial_id TEXT, p_added TEXT,
        p_worker TEXT)
RETURNS TEXT
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    v_last BIGINT;
    v_stop TEXT;
BEGIN
    SELECT e.last_seq, e.stop_reason INTO v_last, v_stop FROM tune_experiment e
        WHERE e.id = p_experiment FOR NO KEY UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'experiment % was deleted from the database', p_experiment;
    END IF;
    IF EXISTS (SELECT 1 FROM tune_trial t WHERE t.experiment_id = p_experiment AND t.number = p_number) THEN
        RETURN NULL; -- a retry of a statement that landed before the connection broke
    END IF;
    IF v_stop IS NOT NULL THEN
        RETURN v_stop;
    END IF;
    DELETE FROM tune_number WHERE experiment_id = p_experiment AND number = p_number;
    INSERT INTO tune_trial (experiment_id, number, trial_id, config, status, worker, heartbeat)
        VALUES (p_experiment, p_number, p_trial_id, p_added, 'RUNNING', p_worker, now());
    INSERT INTO tune_event (experiment_id, seq, trial_number, kind, body)
        VALUES (p_experiment, v_last + 1, p_number, 'added', p_added);
    UPDATE tune_experiment SET last_seq = v_last + 1, trials = trials + 1 WHERE id = p_experiment;
    RETURN NULL;
END
$$;

-- Records trial p_number as tune_add_taken does, then takes p_worker's next number as
-- tune_take_number does, the row locked once: stop_reason is why the experiment stopped (then
-- nothing was recorded or taken), taken the next number (0: none), pending whether trials wait to
-- be taken over.
CREATE FUNCTION tune_add_taken_and_take(p_experiment BIGINT, p_number INTEGER, p_trial_id TEXT, p_added TEXT,
        p_worker TEXT, p_limit INTEGER, p_grace_s DOUBLE PRECISION,
        OUT stop_reason TEXT, OUT taken INTEGER, OUT pending BOOLEAN)
LANGUAGE plpgsql VOLATILE AS $$
BEGIN
    stop_reason := tune_add_taken(p_experiment, p_number, p_trial_id, p_added, p_worker);
    taken := 0;
    pending := false;
    IF stop_reason IS NULL THEN
        SELECT t.taken, t.pending INTO taken, pending FROM tune_take_number(p_experiment, p_limit, p_worker, p_grace_s) t;
    END IF;
END
$$;

CREATE OR REPLACE FUNCTION tune_claim_at(p_experiment BIGINT, p_first INTEGER, p_trial_ids TEXT[], p_added TEXT[],
        p_worker TEXT, p_max INTEGER)
RETURNS TABLE (claimed INTEGER, claimed_count INTEGER, next_number INTEGER, stop_reason TEXT, pending BOOLEAN)
LANGUAGE plpgsql VOLATILE AS $$
#variable_conflict use_column
DECLARE
    v_last    BIGINT;
    v_next    INTEGER;
    v_stop    TEXT;
    v_pending BOOLEAN;
    v_i       INTEGER;
    v_count   INTEGER;
BEGIN
    -- next_number only grows: once the last committed one is past the window, the locked one is too
    SELECT e.next_number, e.stop_reason INTO v_next, v_stop FROM tune_experiment e WHERE e.id = p_experiment;
    IF FOUND AND v_stop IS NULL AND v_next - p_first + 1 > cardinality(p_added) THEN
        RETURN QUERY SELECT 0, 0, v_next, v_stop, false;
        RETURN;
    END IF;
    SELECT h.last_seq, h.next_number, h.stop_reason, h.pending INTO v_last, v_next, v_stop, v_pending
        FROM tune_lock_head(p_experiment) h;
    v_i := v_next - p_first + 1;
    IF v_stop IS NOT NULL OR v_pending OR v_i < 1 OR v_i > cardinality(p_added) OR p_max < 1 THEN
        RETURN QUERY SELECT 0, 0, v_next, v_stop, v_pending;
        RETURN;
    END IF;
    v_count := least(p_max, cardinality(p_added) - v_i + 1);
    INSERT INTO tune_trial (experiment_id, number, trial_id, config, status, worker, heartbeat)
        SELECT p_experiment, v_next + g, p_trial_ids[v_i + g], p_added[v_i + g], 'RUNNING', p_worker, now()
        FROM generate_series(0, v_count - 1) AS g;
    INSERT INTO tune_event (experiment_id, seq, trial_number, kind, body)
        SELECT p_experiment, v_last + 1 + g, v_next + g, 'added', p_added[v_i + g]
        FROM generate_series(0, v_count - 1) AS g;
    UPDATE tune_experiment SET last_seq = v_last + v_count, next_number = v_next + v_count,
        trials = trials + v_count WHERE id = p_experiment;
    RETURN QUERY SELECT v_next, v_count, v_next + v_count, v_stop, v_pending;
END
$$;
