-- tune's shared store, version 3: fewer waits on the experiment's row lock when many workers claim.
--
-- 1. The row is locked FOR NO KEY UPDATE, not FOR UPDATE. Appends and claims still queue behind
--    each other, but a worker joining (its tune_worker row checks the experiment's key) no longer
--    waits behind every append and claim of the others.
-- 2. A positional claim whose window the experiment has already passed (other workers took those
--    numbers) learns it from the last committed head without the lock, and returns at once: such a
--    miss no longer queues behind every other worker to find out.

CREATE OR REPLACE FUNCTION tune_lock_head(p_experiment BIGINT, OUT last_seq BIGINT, OUT next_number INTEGER,
        OUT stop_reason TEXT, OUT pending BOOLEAN)
LANGUAGE plpgsql VOLATILE AS $$
BEGIN
    SELECT e.last_seq, e.next_number, e.stop_reason INTO last_seq, next_number, stop_reason
        FROM tune_experiment e WHERE e.id = p_experiment FOR NO KEY UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'experiment % was deleted from the database', p_experiment;
    END IF;
    pending := EXISTS (SELECT 1 FROM tune_trial t WHERE t.experiment_id = p_experiment AND t.status = 'PENDING');
END
$$;

CREATE OR REPLACE FUNCTION tune_append(p_experiment BIGINT, p_worker TEXT, p_numbers INTEGER[], p_kinds TEXT[],
        p_bodies TEXT[], p_ended INTEGER[], p_statuses TEXT[], p_cancelled INTEGER[], p_state TEXT)
RETURNS INTEGER[]
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    v_last  BIGINT;
    v_stop  TEXT;
    v_held  INTEGER[];
    v_count BIGINT;
BEGIN
    SELECT e.last_seq, e.stop_reason INTO v_last, v_stop FROM tune_experiment e WHERE e.id = p_experiment
        FOR NO KEY UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'experiment % was deleted from the database', p_experiment;
    END IF;
    SELECT coalesce(array_agg(t.number), '{}') INTO v_held FROM tune_trial t
        WHERE t.experiment_id = p_experiment AND t.worker = p_worker AND t.status = 'RUNNING'
          AND t.number = ANY (p_numbers || p_ended);
    INSERT INTO tune_event (experiment_id, seq, trial_number, kind, body)
        SELECT p_experiment, v_last + row_number() OVER (ORDER BY x.ord), x.n, x.k, x.b
        FROM unnest(p_numbers, p_kinds, p_bodies) WITH ORDINALITY AS x (n, k, b, ord)
        WHERE x.n = ANY (v_held) AND NOT (v_stop IS NULL AND x.k = 'ended' AND x.n = ANY (p_cancelled));
    GET DIAGNOSTICS v_count = ROW_COUNT;
    UPDATE tune_trial t
        SET status = CASE WHEN v_stop IS NULL AND u.n = ANY (p_cancelled) THEN 'PENDING' ELSE u.s END,
            worker = CASE WHEN v_stop IS NULL AND u.n = ANY (p_cancelled) THEN NULL ELSE t.worker END,
            heartbeat = now()
        FROM unnest(p_ended, p_statuses) AS u (n, s)
        WHERE t.experiment_id = p_experiment AND t.number = u.n AND u.n = ANY (v_held);
    UPDATE tune_experiment SET last_seq = v_last + v_count, state = coalesce(p_state, state) WHERE id = p_experiment;
    RETURN ARRAY (SELECT DISTINCT n FROM unnest(p_numbers || p_ended) AS d (n) WHERE NOT n = ANY (v_held) ORDER BY n);
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
    UPDATE tune_experiment SET last_seq = v_last + v_count, next_number = v_next + v_count WHERE id = p_experiment;
    RETURN QUERY SELECT v_next, v_count, v_next + v_count, v_stop, v_pending;
END
$$;
