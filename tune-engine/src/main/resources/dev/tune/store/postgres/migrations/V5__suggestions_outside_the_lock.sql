-- tune's shared store, version 5: a model-based searcher suggests outside any lock.
--
-- A claim takes a trial number first (tune_take_number: one short statement on the experiment's row),
-- asks the worker's own searcher for that trial with no lock held, and then records the trial and
-- its 'added' event (tune_add_taken: the row lock held inside the server only). Many workers thus
-- suggest at once, as Optuna's samplers do on shared storage. A number taken by a worker that dies
-- before it records the trial is left unused (trial numbers may have gaps, never duplicates), and
-- no longer counts towards the samples once the worker's heartbeat is older than the grace period.

-- The numbers workers took and have not recorded a trial for yet: while its worker is alive, such
-- a number counts towards the experiment's samples, so workers together never add more.
CREATE TABLE tune_number (
    experiment_id BIGINT      NOT NULL REFERENCES tune_experiment (id) ON DELETE CASCADE,
    number        INTEGER     NOT NULL,
    worker        TEXT        NOT NULL,
    PRIMARY KEY (experiment_id, number)
);

-- Takes the experiment's next trial number for p_worker, unless the experiment is stopped, a trial
-- waits to be taken over, or p_limit (> 0) trials are recorded or being suggested by live workers
-- (a worker is live while its heartbeat is younger than p_grace_s). Returns the number taken (0:
-- none), the stop reason and whether trials wait; with none taken, nothing is written.
CREATE FUNCTION tune_take_number(p_experiment BIGINT, p_limit INTEGER, p_worker TEXT, p_grace_s DOUBLE PRECISION,
        OUT taken INTEGER, OUT stop_reason TEXT, OUT pending BOOLEAN)
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    v_next INTEGER;
BEGIN
    SELECT e.next_number, e.stop_reason INTO v_next, stop_reason FROM tune_experiment e
        WHERE e.id = p_experiment FOR NO KEY UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'experiment % was deleted from the database', p_experiment;
    END IF;
    taken := 0;
    pending := EXISTS (SELECT 1 FROM tune_trial t WHERE t.experiment_id = p_experiment AND t.status = 'PENDING');
    IF stop_reason IS NOT NULL OR pending THEN
        RETURN;
    END IF;
    IF p_limit > 0 AND (SELECT count(*) FROM tune_trial t WHERE t.experiment_id = p_experiment)
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

-- Gives back numbers p_worker took and will not use (it leaves): they no longer count.
CREATE FUNCTION tune_give_back_numbers(p_experiment BIGINT, p_worker TEXT)
RETURNS VOID
LANGUAGE sql VOLATILE AS $$
    DELETE FROM tune_number WHERE experiment_id = p_experiment AND worker = p_worker;
$$;

-- Records trial p_number, taken with tune_take_number, as running on p_worker, and appends its
-- 'added' event, unless the experiment stopped meanwhile. Returns the stop reason (null: recorded).
-- Sent again after a broken connection, it finds the trial recorded and records nothing more.
CREATE FUNCTION tune_add_taken(p_experiment BIGINT, p_number INTEGER, p_trial_id TEXT, p_added TEXT,
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
    UPDATE tune_experiment SET last_seq = v_last + 1 WHERE id = p_experiment;
    RETURN NULL;
END
$$;

-- A free claim's first round trip: every event after p_after (results left out unless p_results),
-- read before the experiment's row is locked, then the number taken (tune_take_number) as the last
-- row: seq = 0, trial_number = the number taken (0: none), kind = 'taken' or 'taken+pending'
-- (trials wait to be taken over), body = the stop reason.
CREATE FUNCTION tune_take_and_read(p_experiment BIGINT, p_after BIGINT, p_results BOOLEAN, p_limit INTEGER,
        p_worker TEXT, p_grace_s DOUBLE PRECISION)
RETURNS TABLE (seq BIGINT, trial_number INTEGER, kind TEXT, body TEXT)
LANGUAGE plpgsql VOLATILE AS $$
#variable_conflict use_column
DECLARE
    v_taken   INTEGER;
    v_stop    TEXT;
    v_pending BOOLEAN;
BEGIN
    RETURN QUERY SELECT ev.seq, ev.trial_number, ev.kind, ev.body FROM tune_event ev
        WHERE ev.experiment_id = p_experiment AND ev.seq > p_after AND (p_results OR ev.kind <> 'result')
        ORDER BY ev.seq;
    SELECT t.taken, t.stop_reason, t.pending INTO v_taken, v_stop, v_pending
        FROM tune_take_number(p_experiment, p_limit, p_worker, p_grace_s) t;
    RETURN QUERY SELECT 0::BIGINT, v_taken, CASE WHEN v_pending THEN 'taken+pending' ELSE 'taken' END, v_stop;
END
$$;
