-- tune's shared store, version 8: the experiment's row is held for less time, and only by its writers.
--
-- Every append and claim numbers its events under the experiment's row lock, so every worker's
-- writes queue for it; on 2 cores with 64 slots of short ASHA trials, the statements waiting for it
-- took more server time than all others together (B7, pg_stat_statements). Three changes:
--
-- 1. The tables of an experiment's trials, events, numbers and rungs no longer check a foreign
--    key on the experiment's row. Each check share-locked that row; a share lock taken while an
--    append holds the row makes the server record both lockers together (a multixact), which the
--    next append then pays for. Deleting an experiment still deletes its rows (a trigger).
-- 2. tune_append ends its trials (their rows locked, each alone) before it takes the experiment's
--    row, and holds that row only to number and insert the events. A trial's row is locked before
--    the experiment's here; the heartbeat that takes over a lost worker's trials locks the
--    experiment's row first, so it passes over trial rows that are locked (an append of their
--    worker, which is alive then) instead of waiting for them.

ALTER TABLE tune_trial DROP CONSTRAINT tune_trial_experiment_id_fkey;
ALTER TABLE tune_event DROP CONSTRAINT tune_event_experiment_id_fkey;
ALTER TABLE tune_number DROP CONSTRAINT tune_number_experiment_id_fkey;
ALTER TABLE tune_rung DROP CONSTRAINT tune_rung_experiment_id_fkey;

CREATE FUNCTION tune_experiment_deleted() RETURNS TRIGGER
LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM tune_trial WHERE experiment_id = OLD.id;
    DELETE FROM tune_event WHERE experiment_id = OLD.id;
    DELETE FROM tune_number WHERE experiment_id = OLD.id;
    DELETE FROM tune_rung WHERE experiment_id = OLD.id;
    RETURN OLD;
END
$$;

CREATE TRIGGER tune_experiment_deleted AFTER DELETE ON tune_experiment
    FOR EACH ROW EXECUTE FUNCTION tune_experiment_deleted();

-- 3. tune_take_number counts the numbers that live workers hold only when the experiment's limit
--    could be reached: every number ever taken (next_number - 1) that is not a trial yet is at most
--    one held. The count read every number taken and given back since the table was last vacuumed,
--    under the row lock (B7 tpe-asha, 16 slots: 350 blocks a claim, 0.9 ms).
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
    IF p_limit > 0 AND v_next - 1 >= p_limit AND v_trials
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
    SELECT coalesce(array_agg(h.number), '{}') INTO v_held FROM (SELECT t.number FROM tune_trial t
        WHERE t.experiment_id = p_experiment AND t.worker = p_worker AND t.status = 'RUNNING'
          AND t.number = ANY (p_numbers || p_ended) ORDER BY t.number FOR NO KEY UPDATE) h;
    -- ends that do not depend on whether the experiment stopped, before its row is locked
    UPDATE tune_trial t SET status = u.s, heartbeat = now()
        FROM unnest(p_ended, p_statuses) AS u (n, s)
        WHERE t.experiment_id = p_experiment AND t.number = u.n AND u.n = ANY (v_held)
          AND NOT u.n = ANY (p_cancelled);
    SELECT e.last_seq, e.stop_reason INTO v_last, v_stop FROM tune_experiment e WHERE e.id = p_experiment
        FOR NO KEY UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'experiment % was deleted from the database', p_experiment;
    END IF;
    INSERT INTO tune_event (experiment_id, seq, trial_number, kind, body)
        SELECT p_experiment, v_last + row_number() OVER (ORDER BY x.ord), x.n, x.k, x.b
        FROM unnest(p_numbers, p_kinds, p_bodies) WITH ORDINALITY AS x (n, k, b, ord)
        WHERE x.n = ANY (v_held) AND NOT (v_stop IS NULL AND x.k = 'ended' AND x.n = ANY (p_cancelled));
    GET DIAGNOSTICS v_count = ROW_COUNT;
    IF cardinality(p_cancelled) > 0 THEN
        -- a trial cancelled because its worker left goes back to the others, unless the experiment stopped
        UPDATE tune_trial t
            SET status = CASE WHEN v_stop IS NULL THEN 'PENDING' ELSE u.s END,
                worker = CASE WHEN v_stop IS NULL THEN NULL ELSE t.worker END,
                heartbeat = now()
            FROM unnest(p_ended, p_statuses) AS u (n, s)
            WHERE t.experiment_id = p_experiment AND t.number = u.n AND u.n = ANY (v_held)
              AND u.n = ANY (p_cancelled);
    END IF;
    UPDATE tune_experiment SET last_seq = v_last + v_count, state = coalesce(p_state, state) WHERE id = p_experiment;
    RETURN ARRAY (SELECT DISTINCT n FROM unnest(p_numbers || p_ended) AS d (n) WHERE NOT n = ANY (v_held) ORDER BY n);
END
$$;
