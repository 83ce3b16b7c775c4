package dev.tune.process;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Child JVMs that finished an experiment's trials, kept for the next experiment this JVM runs with
 * the same command and GPUs (a suite of experiments, a benchmark's runs), as Ray keeps its worker
 * processes between tasks. A child idle for {@value #IDLE_SECONDS} s exits; all of them exit with
 * this JVM. Its instance kept for reuse is cleaned up when it comes back, as a slot's is at the end
 * of an experiment.
 */
final class ChildPool {

    static final int IDLE_SECONDS = 10;

    private static final Map<List<Object>, Deque<Idle>> IDLE = new HashMap<>();
    private static Thread reaper;

    private record Idle(ChildJvm child, long since) {
    }

    private ChildPool() {
    }

    /** An idle child started with {@code command} that sees {@code gpus}, or null when none is. */
    static synchronized ChildJvm take(List<String> command, List<Integer> gpus) {
        Deque<Idle> waiting = IDLE.get(key(command, gpus));
        while (waiting != null && !waiting.isEmpty()) {
            ChildJvm child = waiting.pollLast().child();
            if (child.alive()) {
                return child;
            }
        }
        return null;
    }

    /** Keeps {@code child} for a later experiment, once it has cleaned up; closes it when it cannot. */
    static void give(List<String> command, ChildJvm child) {
        if (!child.release()) {
            child.close();
            return;
        }
        synchronized (ChildPool.class) {
            IDLE.computeIfAbsent(key(command, child.gpus()), k -> new ArrayDeque<>())
                    .addLast(new Idle(child, System.nanoTime()));
            if (reaper == null) {
                reaper = new Thread(ChildPool::reap, "tune-child-pool");
                reaper.setDaemon(true);
                reaper.start();
            }
        }
    }

    private static void reap() {
        while (true) {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
            List<ChildJvm> expired = new ArrayList<>();
            long now = System.nanoTime();
            synchronized (ChildPool.class) {
                for (Deque<Idle> waiting : IDLE.values()) {
                    for (Iterator<Idle> it = waiting.iterator(); it.hasNext(); ) {
                        Idle idle = it.next();
                        if (now - idle.since() > TimeUnit.SECONDS.toNanos(IDLE_SECONDS) || !idle.child().alive()) {
                            it.remove();
                            expired.add(idle.child());
                        }
                    }
                }
            }
            expired.forEach(ChildJvm::close);
        }
    }

    private static List<Object> key(List<String> command, List<Integer> gpus) {
        return List.of(command, gpus);
    }
}
