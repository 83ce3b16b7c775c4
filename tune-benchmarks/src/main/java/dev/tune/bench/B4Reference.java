package dev.tune.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Optuna 4.9's B4 figures: the {@code quality} section of {@code optuna-4.9-reference.json},
 * copied verbatim into this module's resources as {@code optuna-4.9-quality-reference.json}.
 * Gives the per-seed regrets at 25, 50 and 100 trials and wall seconds per function and sampler,
 * and the known optima. Reading checks that the raw values agree with the file's own aggregate
 * (median and mean at every checkpoint), so a damaged copy fails before anything is compared.
 */
final class B4Reference {

    /** Optuna's samplers in the reference, in its order. */
    static final List<String> SAMPLERS = List.of("tpe", "tpe_multivariate", "cmaes", "random");
    /** The checkpoints, in trials. */
    static final int[] CHECKPOINTS = {25, 50, 100};
    static final int SEEDS = 20;
    static final String RESOURCE = "/optuna-4.9-quality-reference.json";
    private static final double TOLERANCE = 1e-9;

    private final JsonNode quality;

    private B4Reference(JsonNode quality) {
        this.quality = quality;
    }

    /** Reads the resource and checks it. */
    static B4Reference load() {
        try (InputStream in = B4Reference.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("B4: resource " + RESOURCE + " is missing");
            }
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** Reads a copy of the reference from {@code in}, which holds {@code {"quality": {...}}}, and checks it. */
    static B4Reference parse(InputStream in) throws IOException {
        JsonNode quality = new ObjectMapper().readTree(in).path("quality");
        B4Reference reference = new B4Reference(quality);
        reference.check();
        return reference;
    }

    /** Optuna's regrets after {@code k} trials (25, 50 or 100), seeds 0..19 in order. */
    double[] regrets(String function, String sampler, int k) {
        return numbers(run(function, sampler).path("regret").path(Integer.toString(k)),
                function + "/" + sampler + "@" + k);
    }

    /** Optuna's wall seconds per run, seeds 0..19 in order. */
    double[] wallSeconds(String function, String sampler) {
        return numbers(run(function, sampler).path("wall_s"), function + "/" + sampler + " wall_s");
    }

    /** The optimum the reference subtracted: {@code quality.config.known_optima.<function>.f_star}. */
    double optimum(String function) {
        JsonNode value = quality.path("config").path("known_optima").path(function).path("f_star");
        if (!value.isNumber()) {
            throw new IllegalStateException("B4 reference: no f_star for " + function);
        }
        return value.doubleValue();
    }

    /** {@code quality.config.known_optima.<function>}: f_star, argmin, bounds. */
    JsonNode knownOptimum(String function) {
        return quality.path("config").path("known_optima").path(function);
    }

    /** The Optuna sampler with the lowest median regret after 100 trials for {@code function}. */
    String bestSampler(String function) {
        String best = null;
        double lowest = Double.POSITIVE_INFINITY;
        for (String sampler : SAMPLERS) {
            double median = Stats.median(regrets(function, sampler, 100));
            if (median < lowest) {
                lowest = median;
                best = sampler;
            }
        }
        return best;
    }

    /** The reference's version line, e.g. {@code optuna 4.9.0, python 3.11.7, numpy 2.4.6}. */
    String environment() {
        JsonNode env = quality.path("env");
        return "optuna " + env.path("optuna").asText("?") + ", cmaes " + env.path("cmaes").asText("?") + ", python "
                + env.path("python").asText("?") + ", numpy " + env.path("numpy").asText("?");
    }

    private JsonNode run(String function, String sampler) {
        JsonNode node = quality.path("raw").path(function).path(sampler);
        if (node.isMissingNode()) {
            throw new IllegalStateException("B4 reference: no raw figures for " + function + "/" + sampler);
        }
        return node;
    }

    private static double[] numbers(JsonNode array, String what) {
        if (!array.isArray() || array.size() != SEEDS) {
            throw new IllegalStateException("B4 reference: " + what + " is not an array of " + SEEDS + " numbers");
        }
        double[] values = new double[array.size()];
        for (int i = 0; i < values.length; i++) {
            JsonNode v = array.get(i);
            if (!v.isNumber()) {
                throw new IllegalStateException("B4 reference: " + what + "[" + i + "] is not a number: " + v);
            }
            values[i] = v.doubleValue();
        }
        return values;
    }

    private void check() {
        for (String function : B4Function.ids()) {
            optimum(function);
            for (String sampler : SAMPLERS) {
                JsonNode aggregate = quality.path("aggregate").path(function).path(sampler);
                for (int k : CHECKPOINTS) {
                    double[] values = regrets(function, sampler, k);
                    JsonNode expected = aggregate.path(Integer.toString(k));
                    same(function + "/" + sampler + "@" + k + " median", Stats.median(values), expected.path("median"));
                    same(function + "/" + sampler + "@" + k + " mean", Stats.mean(values), expected.path("mean"));
                }
                same(function + "/" + sampler + " wall_s_mean", Stats.mean(wallSeconds(function, sampler)),
                        aggregate.path("wall_s_mean"));
            }
        }
    }

    private static void same(String what, double computed, JsonNode expected) {
        if (!expected.isNumber() || !(Math.abs(computed - expected.doubleValue())
                <= TOLERANCE * Math.max(1, Math.abs(expected.doubleValue())))) {
            throw new IllegalStateException("B4 reference: " + what + " computed from raw is " + computed
                    + ", the aggregate says " + expected);
        }
    }
}
