package dev.tune.search.cmaes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The optimiser against figures computed with the {@code cmaes} library (version 0.13) for the same inputs. */
class CmaTest {

    private static final double[] ZEROS = {0, 0};
    private static final double[] ONES = {1, 1};

    @Test
    void strategyParametersAreTheCmaesLibrarys() {
        CmaParameters p = new CmaParameters(4, CmaParameters.defaultPopsize(4));
        assertEquals(8, p.popsize);
        assertEquals(4, p.mu);
        assertEquals(2.6001788261131793, p.muEff, 1e-12);
        assertEquals(0.06516742738228268, p.c1, 1e-12);
        assertEquals(0.05102399983259446, p.cmu, 1e-12);
        assertEquals(0.39656102677983807, p.cSigma, 1e-12);
        assertEquals(1.396561026779838, p.dSigma, 1e-12);
        assertEquals(0.5, p.cc, 1e-12);
        assertEquals(1.880952380952381, p.chiN, 1e-12);
        assertEquals(25, p.funHistTerm);
        assertArrayEquals(new double[] {0.5299301844787792, 0.2857142857142857, 0.14285714285714282,
            0.041498386949792215, -0.17013144983238102, -0.4645361478293983, -0.7134517732694925,
            -0.9290722956587966}, p.weights, 1e-12);
        assertEquals(6, CmaParameters.defaultPopsize(2));
        assertEquals(9, CmaParameters.defaultPopsize(6));
    }

    @Test
    void tellUpdatesAsTheCmaesLibrary() {
        Cma cma = new Cma(new CmaParameters(2, 6), new double[] {0.5, 0.5}, 1.0 / 6, ZEROS, ONES);
        tell(cma, new double[][] {{0.2, 0.7}, {0.6, 0.4}, {0.5, 0.9}, {0.3, 0.3}, {0.8, 0.6}, {0.45, 0.55}});
        assertEquals(1, cma.generation);
        assertEquals(0.1687876257293606, cma.sigma, 1e-12);
        assertArrayEquals(new double[] {0.3971291529295224, 0.34805381857399087}, cma.mean, 1e-12);
        assertArrayEquals(new double[] {0.974622063061449, 0.1872942278883104}, cma.c[0], 1e-12);
        assertArrayEquals(new double[] {-0.7319932491901261, -1.0811962981879277}, cma.pSigma, 1e-12);
        assertArrayEquals(new double[] {-0.8147978528030014, -1.2035034792967876}, cma.pc, 1e-12);

        tell(cma, new double[][] {{0.3, 0.5}, {0.35, 0.45}, {0.6, 0.6}, {0.2, 0.4}, {0.5, 0.5}, {0.4, 0.3}});
        assertEquals(0.16437744649034713, cma.sigma, 1e-12);
        assertArrayEquals(new double[] {0.30339510281825754, 0.43969084569413586}, cma.mean, 1e-12);
        assertArrayEquals(new double[] {0.9892160974320534, -0.01136119458642934}, cma.c[0], 1e-12);
        assertArrayEquals(new double[] {-0.011361194586429257, 0.7839339408885307}, cma.c[1], 1e-12);
        assertArrayEquals(new double[] {-1.1421674700274194, 0.10119049436225025}, cma.pSigma, 1e-12);
        assertArrayEquals(new double[] {-1.0390119334541297, 0.2648489134941483}, cma.pc, 1e-12);
    }

    private static void tell(Cma cma, double[][] xs) {
        double[] values = new double[xs.length];
        for (int k = 0; k < xs.length; k++) {
            values[k] = Math.pow(xs[k][0] - 0.3, 2) + 3 * Math.pow(xs[k][1] - 0.4, 2);
        }
        cma.tell(xs, values);
    }

    @Test
    void samplesHaveTheMeanAndCovarianceOfTheDistribution() {
        double[][] c = {{1.0, 0.6}, {0.6, 0.5}};
        double[] inf = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        double[] minusInf = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        CmaParameters p = new CmaParameters(2, 6);
        Cma cma = new Cma(p, new double[] {1, -1}, 0.5, c, ZEROS, ZEROS, 0, new double[2 * p.funHistTerm],
                minusInf, inf, 0.5);
        SplittableRandom random = new SplittableRandom(1);
        int n = 40_000;
        double[] sum = new double[2];
        double[][] products = new double[2][2];
        for (int s = 0; s < n; s++) {
            double[] x = cma.ask(random);
            for (int i = 0; i < 2; i++) {
                sum[i] += x[i];
                for (int j = 0; j < 2; j++) {
                    products[i][j] += x[i] * x[j];
                }
            }
        }
        assertEquals(1, sum[0] / n, 0.01);
        assertEquals(-1, sum[1] / n, 0.01);
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                double covariance = products[i][j] / n - sum[i] / n * sum[j] / n;
                assertEquals(0.25 * c[i][j], covariance, 0.01, "covariance " + i + "," + j);
            }
        }
    }

    @Test
    void samplesStayInsideTheBounds() {
        Cma cma = new Cma(new CmaParameters(3, 7), new double[] {0.99, 0.01, 0.5}, 2.0,
                new double[3], new double[] {1, 1, 1});
        SplittableRandom random = new SplittableRandom(2);
        for (int s = 0; s < 1000; s++) {
            for (double v : cma.ask(random)) {
                assertTrue(v >= 0 && v <= 1, "outside [0, 1]: " + v);
            }
        }
    }

    @Test
    void aFlatFunctionStopsTheSearch() {
        Cma cma = new Cma(new CmaParameters(2, 6), new double[] {0.5, 0.5}, 1.0 / 6, ZEROS, ONES);
        SplittableRandom random = new SplittableRandom(3);
        int generations = 0;
        while (!cma.shouldStop()) {
            double[][] xs = new double[6][];
            for (int k = 0; k < 6; k++) {
                xs[k] = cma.ask(random);
            }
            cma.tell(xs, new double[6]);
            generations++;
        }
        assertEquals(cma.p.funHistTerm + 1, generations, "stops once the whole value history is flat");
    }
}
