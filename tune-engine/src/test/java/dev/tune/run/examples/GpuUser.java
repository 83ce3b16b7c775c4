package dev.tune.run.examples;

import dev.tune.Resources;
import dev.tune.Trainable;
import dev.tune.TrialContext;
import dev.tune.Uniform;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/** Trials on declared (fake) GPUs: each records the ids it got, and whether another running trial held one. */
public final class GpuUser {

    /** Each trial's GPU ids, by trial id. */
    public static final Map<String, List<Integer>> IDS = new ConcurrentHashMap<>();
    /** How many running trials hold each id now. */
    public static final Map<Integer, Integer> HOLDERS = new ConcurrentHashMap<>();
    /** The most trials that held one id at the same time. */
    public static final List<Integer> SHARED = new CopyOnWriteArrayList<>();

    private GpuUser() {
    }

    @Trainable(metric = "loss", samples = 6)
    @Resources(cpu = 0, gpu = 1)
    public static void whole(@Uniform(lower = 0, upper = 1) double x, TrialContext context)
            throws InterruptedException {
        use(x, context);
    }

    @Trainable(metric = "loss", samples = 6)
    @Resources(cpu = 0, gpu = 0.5)
    public static void half(@Uniform(lower = 0, upper = 1) double x, TrialContext context)
            throws InterruptedException {
        use(x, context);
    }

    private static void use(double x, TrialContext context) throws InterruptedException {
        List<Integer> ids = context.gpuIds();
        IDS.put(context.trialId(), ids);
        for (int id : ids) {
            SHARED.add(HOLDERS.merge(id, 1, Integer::sum));
        }
        Thread.sleep(40);
        for (int id : ids) {
            HOLDERS.merge(id, -1, Integer::sum);
        }
        context.report("loss", x);
    }

    /** Forgets what earlier runs recorded. */
    public static void reset() {
        IDS.clear();
        HOLDERS.clear();
        SHARED.clear();
    }

    /** The ids seen, over all trials. */
    public static Set<Integer> idsSeen() {
        return IDS.values().stream().flatMap(List::stream).collect(Collectors.toSet());
    }
}
