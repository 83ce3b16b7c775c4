package dev.tune.search.cmaes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SymmetricEigenTest {

    @Test
    void decomposesRandomSymmetricMatrices() {
        SplittableRandom random = new SplittableRandom(4);
        for (int n = 1; n <= 12; n++) {
            double[][] a = new double[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j <= i; j++) {
                    a[i][j] = random.nextDouble(-1, 1);
                    a[j][i] = a[i][j];
                }
            }
            SymmetricEigen eigen = SymmetricEigen.of(a);
            for (int k = 0; k < n; k++) {
                for (int i = 0; i < n; i++) {
                    double av = 0;
                    for (int j = 0; j < n; j++) {
                        av += a[i][j] * eigen.vectors[j][k];
                    }
                    assertEquals(eigen.values[k] * eigen.vectors[i][k], av, 1e-12, "A v = lambda v");
                }
                for (int l = 0; l < n; l++) {
                    double dot = 0;
                    for (int i = 0; i < n; i++) {
                        dot += eigen.vectors[i][k] * eigen.vectors[i][l];
                    }
                    assertEquals(k == l ? 1 : 0, dot, 1e-12, "orthonormal eigenvectors");
                }
            }
        }
    }

    @Test
    void repeatedEigenvaluesKeepOrthonormalVectors() {
        double[][] identity = {{2, 0, 0}, {0, 2, 0}, {0, 0, 2}};
        SymmetricEigen eigen = SymmetricEigen.of(identity);
        for (int k = 0; k < 3; k++) {
            assertEquals(2, eigen.values[k], 0);
            assertEquals(1, eigen.vectors[k][k], 0);
        }
        SymmetricEigen ill = SymmetricEigen.of(new double[][] {{1e8, 1e-3}, {1e-3, 1e-8}});
        assertEquals(1e8 + 1e-8, ill.values[0] + ill.values[1], 1e-6);
    }
}
