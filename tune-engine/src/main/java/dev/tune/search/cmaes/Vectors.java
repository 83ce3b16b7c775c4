package dev.tune.search.cmaes;

import java.util.ArrayList;
import java.util.List;

/** Conversions between the arrays the optimiser computes with and the lists a {@link CmaEsState} holds. */
final class Vectors {

    private Vectors() {
    }

    static List<Double> list(double[] values) {
        List<Double> list = new ArrayList<>(values.length);
        for (double v : values) {
            list.add(v);
        }
        return list;
    }

    static List<List<Double>> rows(double[][] matrix) {
        List<List<Double>> rows = new ArrayList<>(matrix.length);
        for (double[] row : matrix) {
            rows.add(list(row));
        }
        return rows;
    }

    static double[] array(List<Double> values) {
        double[] array = new double[values.size()];
        for (int i = 0; i < array.length; i++) {
            array[i] = values.get(i);
        }
        return array;
    }

    static double[][] matrix(List<List<Double>> rows) {
        double[][] matrix = new double[rows.size()][];
        for (int i = 0; i < matrix.length; i++) {
            matrix[i] = array(rows.get(i));
        }
        return matrix;
    }
}
