package dev.tune.search.cmaes;

/**
 * The strategy parameters of CMA-ES for a dimension and a population size, as in Hansen's
 * tutorial ("The CMA Evolution Strategy", 2016, equations 48 to 56) and the {@code cmaes}
 * library: recombination weights (negative for the worse half, "active" CMA), the variance
 * effective selection mass, and the learning rates of the mean, the step size and the covariance.
 */
final class CmaParameters {

    final int dim;
    final int popsize;
    /** How many of the best solutions move the mean: {@code popsize / 2}. */
    final int mu;
    /** One weight per rank, best first; the first {@code mu} sum to 1, the rest are negative. */
    final double[] weights;
    final double weightSum;
    final double muEff;
    final double cSigma;
    final double dSigma;
    final double cc;
    final double c1;
    final double cmu;
    /** E||N(0, I)||, the expected length of a standard normal vector. */
    final double chiN;
    /** How many generations the best and worst values are kept for the flat-fitness stop test. */
    final int funHistTerm;

    CmaParameters(int dim, int popsize) {
        if (dim < 1) {
            throw new IllegalArgumentException("CMA-ES needs at least one dimension, got " + dim);
        }
        if (popsize < 2) {
            throw new IllegalArgumentException("the population size must be at least 2, got " + popsize);
        }
        this.dim = dim;
        this.popsize = popsize;
        this.mu = popsize / 2;
        double[] prime = new double[popsize];
        for (int i = 0; i < popsize; i++) {
            prime[i] = Math.log((popsize + 1) / 2.0) - Math.log(i + 1);
        }
        this.muEff = effectiveMass(prime, 0, mu);
        double muEffMinus = effectiveMass(prime, mu, popsize);

        double alphaCov = 2;
        this.c1 = alphaCov / ((dim + 1.3) * (dim + 1.3) + muEff);
        this.cmu = Math.min(1 - c1 - 1e-8,
                alphaCov * (muEff - 2 + 1 / muEff) / ((dim + 2.0) * (dim + 2.0) + alphaCov * muEff / 2));
        double minAlpha = Math.min(1 + c1 / cmu,
                Math.min(1 + 2 * muEffMinus / (muEff + 2), (1 - c1 - cmu) / (dim * cmu)));
        double positiveSum = 0;
        double negativeSum = 0;
        for (double w : prime) {
            if (w > 0) {
                positiveSum += w;
            } else {
                negativeSum -= w;
            }
        }
        this.weights = new double[popsize];
        double sum = 0;
        for (int i = 0; i < popsize; i++) {
            weights[i] = prime[i] >= 0 ? prime[i] / positiveSum : minAlpha / negativeSum * prime[i];
            sum += weights[i];
        }
        this.weightSum = sum;

        this.cSigma = (muEff + 2) / (dim + muEff + 5);
        this.dSigma = 1 + 2 * Math.max(0, Math.sqrt((muEff - 1) / (dim + 1)) - 1) + cSigma;
        this.cc = (4 + muEff / dim) / (dim + 4 + 2 * muEff / dim);
        this.chiN = Math.sqrt(dim) * (1 - 1.0 / (4.0 * dim) + 1.0 / (21.0 * dim * dim));
        this.funHistTerm = 10 + (int) Math.ceil(30.0 * dim / popsize);
    }

    /** The default population size for {@code dim} dimensions: {@code 4 + floor(3 ln dim)}. */
    static int defaultPopsize(int dim) {
        return 4 + (int) Math.floor(3 * Math.log(dim));
    }

    /** {@code (sum w)^2 / sum w^2} over {@code w[from..to)}. */
    private static double effectiveMass(double[] w, int from, int to) {
        double sum = 0;
        double squares = 0;
        for (int i = from; i < to; i++) {
            sum += w[i];
            squares += w[i] * w[i];
        }
        return sum * sum / squares;
    }
}
