package dev.tune.search.gp;

/**
 * The logarithm of the standard normal expected improvement, {@code h(z) = log E[max(0, Z + z)]}
 * for {@code Z ~ N(0, 1)}, that is {@code log(z Phi(z) + phi(z))}, and its derivative
 * {@code h'(z) = Phi(z) / (z Phi(z) + phi(z))}, computed without underflow however far in the lower
 * tail {@code z} lies (the "LogEI" of Ament et al., 2023, which Optuna's {@code GPSampler} uses).
 *
 * <ul>
 *   <li>{@code z > -3}: directly, with {@code Phi} from a series of erf without cancellation;</li>
 *   <li>{@code -10 < z <= -3}: {@code log phi(z) + log(1 - t R(t))} with {@code t = -z} and the
 *       Mills ratio {@code R(t) = (1 - Phi(t)) / phi(t)} from its continued fraction;</li>
 *   <li>{@code z <= -10}: the same with {@code 1 - t R(t)} from its asymptotic series
 *       {@code 1/t^2 - 3/t^4 + 15/t^6 - ...}, whose terms keep shrinking for 50 terms and more here,
 *       so that no cancellation occurs.</li>
 * </ul>
 */
final class LogEi {

    private static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);
    private static final double INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);
    private static final double TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);

    private LogEi() {
    }

    /** {@code h(z)}. */
    static double value(double z) {
        if (z > -3) {
            double phi = INV_SQRT_2PI * Math.exp(-0.5 * z * z);
            return Math.log(z * cdf(z) + phi);
        }
        double t = -z;
        return -0.5 * z * z - LOG_SQRT_2PI + Math.log(oneMinusTR(t));
    }

    /** {@code h'(z)}, positive everywhere. */
    static double derivative(double z) {
        if (z > -3) {
            double phi = INV_SQRT_2PI * Math.exp(-0.5 * z * z);
            double cdf = cdf(z);
            return cdf / (z * cdf + phi);
        }
        double t = -z;
        double rest = oneMinusTR(t);
        return (1 - rest) / t / rest; // Phi / phi = R(t) = (1 - (1 - tR)) / t
    }

    /** {@code 1 - t R(t)} for {@code t >= 3}. */
    static double oneMinusTR(double t) {
        if (t < 10) {
            return 1 - t * millsRatio(t);
        }
        double inv = 1 / (t * t);
        double term = inv;
        double sum = 0;
        for (int k = 1; k < 200; k++) {
            sum += term;
            double next = -term * (2 * k + 1) * inv;
            if (Math.abs(next) < 1e-18 * Math.abs(sum) || Math.abs(next) >= Math.abs(term)) {
                break;
            }
            term = next;
        }
        return sum;
    }

    /** The Mills ratio {@code R(t) = (1 - Phi(t)) / phi(t)} for {@code t >= 3}, by its continued fraction. */
    static double millsRatio(double t) {
        double f = t;
        for (int k = 120; k >= 1; k--) {
            f = t + k / f;
        }
        return 1 / f;
    }

    /** {@code Phi(z)} for {@code z > -3}. */
    static double cdf(double z) {
        double x = z / Math.sqrt(2);
        if (x > 4) {
            double t = z; // 1 - Phi(z) = phi(z) R(z)
            return 1 - INV_SQRT_2PI * Math.exp(-0.5 * z * z) * millsRatio(t);
        }
        return 0.5 + 0.5 * erf(x);
    }

    /**
     * {@code erf(x)} for {@code |x| <= 4} from {@code 2/sqrt(pi) exp(-x^2) sum 2^n x^(2n+1) / (1 3 ... (2n+1))},
     * whose terms are all of one sign.
     */
    static double erf(double x) {
        double x2 = x * x;
        double term = x;
        double sum = x;
        for (int n = 1; n < 500; n++) {
            term *= 2 * x2 / (2 * n + 1);
            sum += term;
            if (Math.abs(term) < 1e-17 * Math.abs(sum)) {
                break;
            }
        }
        return TWO_OVER_SQRT_PI * Math.exp(-x2) * sum;
    }
}
