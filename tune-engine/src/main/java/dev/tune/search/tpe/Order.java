package dev.tune.search.tpe;

/** A stable argsort of doubles on primitives (numpy's {@code argsort(kind="stable")}), without boxing. */
final class Order {

    private Order() {
    }

    /** The indices of {@code values} in ascending order of value, equal values in index order. */
    static int[] stable(double[] values) {
        int n = values.length;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        int[] buffer = new int[n];
        for (int width = 1; width < n; width *= 2) {
            for (int start = 0; start < n; start += 2 * width) {
                int mid = Math.min(start + width, n);
                int end = Math.min(start + 2 * width, n);
                int i = start;
                int j = mid;
                int k = start;
                while (i < mid && j < end) {
                    buffer[k++] = values[order[j]] < values[order[i]] ? order[j++] : order[i++];
                }
                while (i < mid) {
                    buffer[k++] = order[i++];
                }
                while (j < end) {
                    buffer[k++] = order[j++];
                }
            }
            int[] swap = order;
            order = buffer;
            buffer = swap;
        }
        return order;
    }
}
