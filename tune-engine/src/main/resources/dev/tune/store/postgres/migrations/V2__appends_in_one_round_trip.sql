-- tune's shared store, version 2: the statements that hold an experiment's row lock run in the
-- server, so the lock is held for one round trip or none, not one per statement. With many
-- workers on few cores, a lock held across round trips makes every other worker wait for the
-- holder to be scheduled again.

-- Locks the experiment's row until the transaction ends and reads its head: the last event, the
-- next trial number, why it stopped, and whether trials wait to be taken over.
CREATE FUNCTION tune_lock_head(p_experiment BIGINT, OUT last_seq BIGINT, OUT next_number INTEGER,
        OUT stop_reason TEXT, OUT pending BOOLEAN)
LANGUAGE plpgsql VOLATILE AS $$
BEGIN
    SELECT e.last_seq, e.next_number, e.stop_reason INTO last_seq, next_number, stop_reason
        FROM tune_experiment e WHERE e.id = p_experiment FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'experiment % was deleted from the database', p_experiment;
    END IF;
    pending := EXISTS (SELECT 1 FROM tune_trial t WHERE t.experiment_id = p_experiment AND t.status = 'PENDING');
END
$$;

-- Locks the experiment's row until the transaction ends and returns its head, then every event
-- after p_after. The first row is the head: seq = last_seq, trial_number = next_number, kind =
-- 'head' or 'head+pending' (trials wait to be taken over), body = stop_reason. The events are read
-- after the lock is taken, so they are every event up to last_seq.
CREATE FUNCTION tune_lock_and_read(p_experiment BIGINT, p_after BIGINT)
RETURNS TABLE (seq BIGINT, trial_number INTEGER, kind TEXT, body TEXT)
LANGUAGE plpgsql VOLATILE AS $$
#variable_conflict use_column
DECLARE
    v_last    BIGINT;
    v_next    INTEGER;
    v_stop    TEXT;
    v_pending BOOLEAN;
BEGIN
    SELECT h.last_seq, h.next_number, h.stop_reason, h.pending INTO v_last, v_next, v_stop, v_pending
        FROM tune_lock_head(p_experiment) h;
    RETURN QUERY SELECT v_last, v_next, CASE WHEN v_pending THEN 'head+pending' ELSE 'head' END, v_stop;
    RETURN QUERY SELECT ev.seq, ev.trial_number, ev.kind, ev.body FROM tune_event ev
        WHERE ev.experiment_id = p_experiment AND ev.seq > p_after ORDER BY ev.seq;
END
$$;

-- One worker's buffered writes in one statement: the events of trials it still runs (a trial another
-- worker took over drops its late events), then the ends of those trials. A trial cancelled because
-- its worker leaves (p_cancelled) goes back to PENDING, its end unlogged, unless the experiment is
-- stopped. Returns the trial numbers whose writes were dropped.
CREATE FUNCTION tune_append(p_experiment BIGINT, p_worker TEXT, p_numbers INTEGER[], p_kinds TEXT[],
        p_bodies TEXT[], p_ended INTEGER[], p_statuses TEXT[], p_cancelled INTEGER[], p_state TEXT)
RETURNS INTEGER[]
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    v_last  BIGINT;
    v_stop  TEXT;
    v_held  INTEGER[];
    v_count BIGINT;
BEGIN
    SELECT e.last_seq, e.stop_reason INTO v_last, v_stop FROM tune_experiment e WHERE e.id = p_experiment FOR UPDATE;
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

-- One event appended under the lock tune_lock_and_read took, in one statement.
CREATE FUNCTION tune_append_one(p_experiment BIGINT, p_seq BIGINT, p_number INTEGER, p_kind TEXT, p_body TEXT)
RETURNS VOID
LANGUAGE sql VOLATILE AS $$
    INSERT INTO tune_event (experiment_id, seq, trial_number, kind, body) VALUES (p_experiment, p_seq, p_number, p_kind, p_body);
    UPDATE tune_experiment SET last_seq = p_seq WHERE id = p_experiment;
$$;

-- A claim for a searcher whose suggestions depend only on their position (random and grid search),
-- in one statement: the worker sends the trials it would add as numbers p_first, p_first + 1, ...;
-- from the one that is the experiment's next, up to p_max consecutive ones land, unless the
-- experiment is stopped or a trial waits to be taken over. Returns the first number claimed (0:
-- none), how many, the next number, the stop reason and whether trials wait; with none claimed,
-- nothing is written.
CREATE FUNCTION tune_claim_at(p_experiment BIGINT, p_first INTEGER, p_trial_ids TEXT[], p_added TEXT[],
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
