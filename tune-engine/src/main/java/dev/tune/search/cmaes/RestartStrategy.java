package dev.tune.search.cmaes;

/**
 * What {@link CmaEsSearch} does when its distribution has converged (the {@code cmaes} library's
 * stop test: flat values, a vanishing or exploding step size, an ill-conditioned covariance).
 */
public enum RestartStrategy {
    /** Keep sampling from the converged distribution (Optuna's default, {@code restart_strategy=None}). */
    NONE,
    /**
     * IPOP-CMA-ES (Auger and Hansen, 2005), as Optuna's {@code restart_strategy="ipop"}: start
     * again from a random point of the box with the initial step size and twice the population.
     */
    IPOP
}
