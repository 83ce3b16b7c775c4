package dev.tune.run;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Which GPUs each running trial has, by device id, as Ray assigns them: a trial that asks for
 * whole GPUs gets that many devices no other running trial has; trials that ask for a fraction of
 * one share a device, packed first-fit until it is full. {@link Concurrency} has already capped the
 * trials running at once by what the GPUs hold, so a trial always finds its devices. Used under the
 * book's lock.
 */
final class GpuPool {

    private static final double EPSILON = 1e-9;

    private final double need;
    /** What is left of each device, from 1 (free) to 0 (taken). */
    private final double[] left;

    /** {@code devices} GPUs for trials that each ask for {@code need} of them. */
    GpuPool(int devices, double need) {
        if (need > 1 && Math.abs(need - Math.rint(need)) > EPSILON) {
            throw new IllegalArgumentException("a trial asks for " + need + " GPUs: ask for a fraction of one GPU"
                    + " or a whole number of them, as in Ray");
        }
        this.need = need;
        this.left = new double[Math.max(0, devices)];
        Arrays.fill(left, 1.0);
    }

    /** The devices for a trial that starts now; empty when trials ask for none. */
    List<Integer> take() {
        List<Integer> ids = new ArrayList<>();
        if (need <= 0) {
            return ids;
        }
        if (need < 1) {
            for (int id = 0; id < left.length; id++) {
                if (left[id] + EPSILON >= need) {
                    left[id] -= need;
                    ids.add(id);
                    return ids;
                }
            }
        } else {
            for (int id = 0; id < left.length && ids.size() < Math.round(need); id++) {
                if (left[id] > 1 - EPSILON) {
                    ids.add(id);
                }
            }
            if (ids.size() == Math.round(need)) {
                ids.forEach(id -> left[id] = 0);
                return ids;
            }
        }
        throw new IllegalStateException("no free GPU for a trial that asks for " + need + " of "
                + left.length + " GPUs; the trials running hold them all");
    }

    /** A trial that had {@code ids} stopped running: its share of them is free again. */
    void give(List<Integer> ids) {
        for (int id : ids) {
            left[id] = Math.min(1.0, left[id] + Math.min(1.0, need));
        }
    }
}
