package dev.tune.importance;

import java.util.List;

/**
 * The forest's columns for a list of hyperparameters, as Optuna's search-space transform gives them
 * to its evaluator: a number is one column on its own scale, bounded by its domain; a choice is one
 * column per value, 1 where the trial took that value and 0 elsewhere, each bounded by 0 and 1.
 */
final class Encoding {

    private final double[][] columns;
    private final double[][] bounds;
    private final int[][] columnsOf;

    Encoding(List<ParamColumn> params) {
        int width = params.stream().mapToInt(ParamColumn::width).sum();
        int rows = params.isEmpty() ? 0 : params.get(0).values().length;
        columns = new double[width][rows];
        bounds = new double[width][];
        columnsOf = new int[params.size()][];
        int c = 0;
        for (int k = 0; k < params.size(); k++) {
            ParamColumn param = params.get(k);
            columnsOf[k] = new int[param.width()];
            for (int j = 0; j < param.width(); j++) {
                columnsOf[k][j] = c + j;
            }
            if (param.isChoice()) {
                for (int j = 0; j < param.categories(); j++) {
                    bounds[c + j] = new double[] {0, 1};
                }
                for (int row = 0; row < rows; row++) {
                    int choice = (int) param.values()[row];
                    if (choice < 0 || choice >= param.categories()) {
                        throw new IllegalArgumentException(param.name() + ": choice index " + choice
                                + " is not one of its " + param.categories() + " values");
                    }
                    columns[c + choice][row] = 1;
                }
            } else {
                bounds[c] = new double[] {param.low(), param.high()};
                System.arraycopy(param.values(), 0, columns[c], 0, rows);
            }
            c += param.width();
        }
    }

    double[][] columns() {
        return columns;
    }

    double[][] bounds() {
        return bounds;
    }

    /** The columns the {@code k}-th hyperparameter takes. */
    int[] columnsOf(int k) {
        return columnsOf[k];
    }
}
