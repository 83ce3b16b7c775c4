package dev.tune.search.cmaes;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything a {@link CmaEsSearch} needs to go on where it was: the search distribution, the
 * progress of the current generation and the random state, as an immutable value of plain
 * numbers and lists (for JSON, never Java serialization). {@link CmaEsSearch#state()} makes one;
 * {@link CmaEsSearch#restore} continues from one, with the same next suggestions.
 *
 * <p>Coordinates are in the unit box of the numeric hyperparameters that CMA-ES models, in the
 * space's declaration order. When it models none, the distribution fields are empty (sigma 0).
 *
 * @param seed the seed of every random stream
 * @param suggestions how many configs were suggested: the next one uses random stream
 *        {@code suggestions}
 * @param results how many trials ended with a value (the start-up rule counts them)
 * @param restarts how many times IPOP restarted the distribution
 * @param popsize the population size of the current distribution
 * @param generation how many times the current distribution was updated
 * @param sigma the step size
 * @param mean the mean, one entry per coordinate
 * @param covariance the covariance matrix C, rows of {@code mean.size()} entries
 * @param pSigma the evolution path of the step size
 * @param pC the evolution path of the covariance
 * @param recentValues best and worst value of each of the last generations, for the stop test
 * @param pending the suggested trials whose end has not been told, in suggestion order
 * @param evaluated the ended trials of the current generation waiting for the update, in
 *        suggestion order
 */
public record CmaEsState(
        long seed,
        long suggestions,
        long results,
        int restarts,
        int popsize,
        int generation,
        double sigma,
        List<Double> mean,
        List<List<Double>> covariance,
        List<Double> pSigma,
        List<Double> pC,
        List<Double> recentValues,
        List<Pending> pending,
        List<Evaluated> evaluated) {

    public CmaEsState {
        mean = List.copyOf(mean);
        List<List<Double>> rows = new ArrayList<>(covariance.size());
        for (List<Double> row : covariance) {
            rows.add(List.copyOf(row));
        }
        covariance = List.copyOf(rows);
        pSigma = List.copyOf(pSigma);
        pC = List.copyOf(pC);
        recentValues = List.copyOf(recentValues);
        pending = List.copyOf(pending);
        evaluated = List.copyOf(evaluated);
        int n = mean.size();
        if (covariance.size() != n || pSigma.size() != n || pC.size() != n) {
            throw new IllegalArgumentException("mean, covariance and evolution paths must have " + n + " entries");
        }
        for (List<Double> row : covariance) {
            if (row.size() != n) {
                throw new IllegalArgumentException("covariance rows must have " + n + " entries, got " + row.size());
            }
        }
    }

    /**
     * A suggested trial that has not ended yet.
     *
     * @param trialId the trial's id
     * @param index its position among the suggestions, from 0
     * @param restart the restart that sampled it
     * @param generation the generation that sampled it
     * @param x the coordinates of its numeric values; empty when it was sampled independently
     *        (a start-up trial), which CMA-ES is never told
     */
    public record Pending(String trialId, long index, int restart, int generation, List<Double> x) {

        public Pending {
            Objects.requireNonNull(trialId, "trialId");
            x = List.copyOf(x);
        }
    }

    /**
     * An ended trial of the current generation, waiting until the generation is complete.
     *
     * @param index its position among the suggestions, from 0
     * @param x the coordinates of its numeric values
     * @param value its objective value, negated when maximising: lower is better
     */
    public record Evaluated(long index, List<Double> x, double value) {

        public Evaluated {
            x = List.copyOf(x);
        }
    }
}
