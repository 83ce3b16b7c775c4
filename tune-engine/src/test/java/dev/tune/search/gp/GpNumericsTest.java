package dev.tune.search.gp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Cholesky, log EI, the GP posterior, the marginal-likelihood fit and the bounded quasi-Newton method. */
class GpNumericsTest {

    @Test
    void choleskySolvesAndInverts() {
        double[][] a = {{4, 0, 0}, {2, 5, 0}, {-2, 1, 6}};
        Cholesky chol = Cholesky.of(a);
        double[] x = chol.solve(new double[] {1, 2, 3});
        double[][] full = {{4, 2, -2}, {2, 5, 1}, {-2, 1, 6}};
        for (int i = 0; i < 3; i++) {
            double s = 0;
            for (int j = 0; j < 3; j++) {
                s += full[i][j] * x[j];
            }
            assertEquals(i + 1, s, 1e-12);
        }
        double[][] inverse = chol.inverseLower();
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                double s = 0;
                for (int k = 0; k < 3; k++) {
                    s += full[i][k] * (k <= j ? inverse[j][k] : inverse[k][j]);
                }
                assertEquals(i == j ? 1 : 0, s, 1e-12);
            }
        }
        // det = 4 (5*6 - 1*1) - 2 (2*6 + 2) - 2 (2 + 10) = 64
        assertEquals(0.5 * Math.log(64), chol.halfLogDet(), 1e-12);
        assertNull(Cholesky.of(new double[][] {{1, 0}, {2, 1}}));
    }

    @Test
    void logEiMatchesTheClosedFormAndStaysFiniteFarInTheTail() {
        for (double z : new double[] {-2.9, -1, 0, 0.5, 2, 6}) {
            double ei = z * cdfByIntegration(z) + Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
            assertEquals(Math.log(ei), LogEi.value(z), 1e-9, "z=" + z);
        }
        // continuity where the method changes, and the derivative against a difference quotient
        for (double z : new double[] {-3, -10, -2, -5, -20, -300, 1}) {
            assertEquals(LogEi.value(z - 1e-9), LogEi.value(z + 1e-9), 1e-7 * Math.max(1, Math.abs(z)), "jump at " + z);
            double h = 1e-5 * Math.max(1, Math.abs(z));
            double quotient = (LogEi.value(z + h) - LogEi.value(z - h)) / (2 * h);
            assertEquals(quotient, LogEi.derivative(z), 1e-5 * Math.max(1, Math.abs(z)), "slope at " + z);
        }
        // plain EI underflows to 0 at z = -40; its log is -z^2/2 - log sqrt(2 pi) - 2 log|z| + O(1/z^2)
        double z = -40;
        double plain = z * 0.5 * Math.exp(-0.5 * z * z) + Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
        assertEquals(0.0, plain);
        double asymptotic = -0.5 * z * z - 0.5 * Math.log(2 * Math.PI) - 2 * Math.log(-z) + Math.log1p(-3 / (z * z));
        assertEquals(asymptotic, LogEi.value(z), 1e-5);
        assertTrue(Double.isFinite(LogEi.value(-1e6)));
        assertEquals(-z, LogEi.derivative(z), 0.1);
    }

    /** {@code Phi(z)} by Simpson's rule from -40, independent of the code under test. */
    private static double cdfByIntegration(double z) {
        int steps = 200_000;
        double a = -40;
        double h = (z - a) / steps;
        double s = 0;
        for (int i = 0; i <= steps; i++) {
            double t = a + i * h;
            double w = i == 0 || i == steps ? 1 : i % 2 == 1 ? 4 : 2;
            s += w * Math.exp(-0.5 * t * t);
        }
        return s * h / 3 / Math.sqrt(2 * Math.PI);
    }

    @Test
    void thePosteriorInterpolatesTrainingPointsAndRevertsToThePriorFarAway() {
        double[][] x = {{0.1, 0.2}, {0.5, 0.9}, {0.8, 0.3}};
        double[] y = {1.0, -0.5, 0.25};
        KernelParams params = new KernelParams(new double[] {4, 4}, 1.5, 1e-6);
        GaussianProcess gp = new GaussianProcess(x, y, new boolean[2], params);
        double[] out = new double[2];
        for (int i = 0; i < x.length; i++) {
            gp.posterior(x[i], out, null, null);
            assertEquals(y[i], out[0], 1e-4);
            assertTrue(out[1] < 1e-5, "variance at a training point " + out[1]);
        }
        gp.posterior(new double[] {40, -40}, out, null, null);
        assertEquals(0, out[0], 1e-9);
        assertEquals(1.5, out[1], 1e-9);
    }

    @Test
    void posteriorAndAcquisitionGradientsMatchDifferenceQuotients() {
        SplittableRandom random = new SplittableRandom(3);
        double[][] x = new double[12][3];
        double[] y = new double[12];
        for (int i = 0; i < x.length; i++) {
            x[i][0] = random.nextDouble();
            x[i][1] = random.nextDouble();
            x[i][2] = random.nextInt(3);
            y[i] = Math.sin(5 * x[i][0]) + x[i][1] + (x[i][2] == 1 ? 1 : 0);
        }
        boolean[] categorical = {false, false, true};
        GaussianProcess gp = new GaussianProcess(x, y, categorical, new KernelParams(new double[] {3, 7, 1}, 1.2, 1e-3));
        Acquisition acquisition = new Acquisition(gp, 1.5);
        double[] point = {0.37, 0.61, 1};
        double[] gradient = new double[3];
        acquisition.valueAndGradient(point, gradient);
        for (int d = 0; d < 2; d++) {
            double[] up = point.clone();
            double[] down = point.clone();
            up[d] += 1e-6;
            down[d] -= 1e-6;
            double quotient = (acquisition.value(up) - acquisition.value(down)) / 2e-6;
            assertEquals(quotient, gradient[d], 1e-5 * Math.max(1, Math.abs(quotient)), "coordinate " + d);
        }
        assertEquals(0, gradient[2]);
    }

    @Test
    void theLikelihoodGradientMatchesDifferenceQuotients() {
        SplittableRandom random = new SplittableRandom(5);
        double[][] x = new double[15][2];
        double[] y = new double[15];
        for (int i = 0; i < x.length; i++) {
            x[i][0] = random.nextDouble();
            x[i][1] = random.nextInt(2);
            y[i] = Math.cos(4 * x[i][0]) + x[i][1] + 0.1 * random.nextGaussian();
        }
        MarginalLikelihood objective = new MarginalLikelihood(x, y, new boolean[] {false, true});
        double[] raw = {0.3, -0.2, 0.1, -3};
        double[] gradient = new double[4];
        objective.evaluate(raw, gradient);
        for (int k = 0; k < raw.length; k++) {
            double[] up = raw.clone();
            double[] down = raw.clone();
            up[k] += 1e-6;
            down[k] -= 1e-6;
            double quotient = (objective.evaluate(up, new double[4]) - objective.evaluate(down, new double[4])) / 2e-6;
            assertEquals(quotient, gradient[k], 1e-5 * Math.max(1, Math.abs(quotient)), "parameter " + k);
        }
    }

    @Test
    void theFitFindsWhichCoordinateMattersAndALengthscaleOfTheRightOrder() {
        SplittableRandom random = new SplittableRandom(11);
        int n = 60;
        double[][] x = new double[n][2];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i][0] = random.nextDouble();
            x[i][1] = random.nextDouble();
            y[i] = Math.sin(2 * Math.PI * x[i][0] / 0.5); // varies on a scale of about 0.1 in x0, not at all in x1
        }
        double mean = 0;
        for (double v : y) {
            mean += v / n;
        }
        double variance = 0;
        for (double v : y) {
            variance += (v - mean) * (v - mean) / n;
        }
        for (int i = 0; i < n; i++) {
            y[i] = (y[i] - mean) / Math.sqrt(variance);
        }
        KernelParams fitted = KernelFit.fit(x, y, new boolean[2], null);
        double l0 = fitted.lengthscale(0);
        double l1 = fitted.lengthscale(1);
        assertTrue(l0 > 0.03 && l0 < 0.5, "lengthscale of x0 " + l0);
        assertTrue(l1 > 5 * l0, "x1 does not matter, yet its lengthscale is " + l1 + " against " + l0);
        assertTrue(fitted.noiseVariance() < 0.05, "noise " + fitted.noiseVariance());
    }

    @Test
    void theBoundedQuasiNewtonMethodFindsABoundedMinimum() {
        // Rosenbrock's valley, with x1 held below its free optimum by the box
        BoundedLbfgs.Function rosenbrock = (p, g) -> {
            double a = 1 - p[0];
            double b = p[1] - p[0] * p[0];
            g[0] = -2 * a - 400 * p[0] * b;
            g[1] = 200 * b;
            return a * a + 100 * b * b;
        };
        BoundedLbfgs.Outcome free = BoundedLbfgs.minimize(rosenbrock, new double[] {-1.2, 1}, new double[] {-5, -5},
                new double[] {5, 5}, 1e-8, 500);
        assertEquals(1, free.x()[0], 1e-4);
        assertEquals(1, free.x()[1], 1e-4);
        BoundedLbfgs.Outcome held = BoundedLbfgs.minimize(rosenbrock, new double[] {-1.2, 0.2}, new double[] {-5, -5},
                new double[] {5, 0.25}, 1e-8, 500);
        assertEquals(0.25, held.x()[1], 1e-12);
        assertEquals(0.5, held.x()[0], 0.02);
    }

    @Test
    void theLogWarpStandardisesAndItsJacobianMatchesADifferenceQuotient() {
        double[] values = {3.0, 10.0, 4.0, 250.0, 3.5};
        OutputWarp warp = new OutputWarp(values, 0.1);
        double[] targets = warp.targets();
        double mean = 0;
        for (double t : targets) {
            mean += t / targets.length;
        }
        assertEquals(0, mean, 1e-12);
        assertEquals(targets[0], Arrays.stream(targets).max().orElseThrow(), 0, "the lowest value is the best target");
        // moving one value that is neither the lowest nor the highest changes log|dt/dv| of that value only
        double[] moved = values.clone();
        moved[2] += 1e-6;
        OutputWarp after = new OutputWarp(moved, 0.1);
        double slope = (after.targets()[2] - targets[2]) / 1e-6;
        double identitySlope = (new OutputWarp(moved, Double.POSITIVE_INFINITY).targets()[2]
                - new OutputWarp(values, Double.POSITIVE_INFINITY).targets()[2]) / 1e-6;
        assertTrue(Math.abs(slope) > 3 * Math.abs(identitySlope), "the warp stretches the good values");
        assertTrue(Double.isFinite(warp.logJacobian()));
    }
}
