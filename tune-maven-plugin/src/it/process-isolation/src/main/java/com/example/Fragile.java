package com.example;

import dev.tune.GridSearch;
import dev.tune.Resources;
import dev.tune.Stop;
import dev.tune.Trainable;
import dev.tune.TrialContext;
import java.util.ArrayList;
import java.util.List;

/**
 * What takes a JVM down, one per trial: k=2 calls System.exit(3), k=3 fills its 64 MiB heap, k=4 never returns
 * (and swallows interrupts); k=1 and k=5 train. Each trial runs in a child JVM of its own slot.
 */
public final class Fragile {

    private Fragile() {
    }

    @Trainable(name = "Fragile", metric = "loss", maxConcurrentTrials = 2)
    @Resources(isolation = "process", memoryMb = 64)
    @Stop(trialSeconds = 2, timeBudgetSeconds = 120)
    static void train(@GridSearch({"1", "2", "3", "4", "5"}) int k, TrialContext context) {
        System.out.println("trial k=" + k + " runs in JVM " + ProcessHandle.current().pid());
        if (k == 2) {
            System.err.println("giving up at k=2");
            System.exit(3);
        }
        if (k == 3) {
            List<long[]> hoard = new ArrayList<>();
            while (true) {
                hoard.add(new long[1 << 20]);
            }
        }
        while (k == 4) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException ignored) {
                // swallowed, as a careless loop or a native call would
            }
        }
        for (int step = 1; step <= 3; step++) {
            context.report("loss", (double) k / step);
        }
    }
}
