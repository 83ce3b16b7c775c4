package dev.tune.search.nsga;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * NSGA-II's survival: the best {@code size} of a population, whole non-domination fronts first, and
 * from the front that does not fit whole, the members with the largest crowding distance (the
 * extremes of each objective first), ties broken at random, as Optuna's {@code NSGAIISampler}.
 */
final class Elite {

    private Elite() {
    }

    static List<Member> select(List<Member> population, int size, SplittableRandom random) {
        if (population.size() <= size) {
            return List.copyOf(population);
        }
        List<Member> remaining = new ArrayList<>(population);
        List<Member> elite = new ArrayList<>();
        while (elite.size() < size) {
            List<Member> front = new ArrayList<>();
            for (Member m : remaining) {
                boolean dominated = false;
                for (Member other : remaining) {
                    if (other != m && other.dominates(m)) {
                        dominated = true;
                        break;
                    }
                }
                if (!dominated) {
                    front.add(m);
                }
            }
            remaining.removeAll(front);
            if (elite.size() + front.size() <= size) {
                elite.addAll(front);
            } else {
                shuffle(front, random);
                double[] distance = crowding(front);
                Integer[] order = new Integer[front.size()];
                for (int i = 0; i < order.length; i++) {
                    order[i] = i;
                }
                Arrays.sort(order, Comparator.comparingDouble((Integer i) -> distance[i]).reversed());
                for (int i = 0; elite.size() < size; i++) {
                    elite.add(front.get(order[i]));
                }
            }
        }
        return elite;
    }

    /** Each member's crowding distance within its front: the sum over objectives of its neighbours' gap. */
    static double[] crowding(List<Member> front) {
        int n = front.size();
        double[] distance = new double[n];
        int objectives = front.get(0).costs().length;
        for (int k = 0; k < objectives; k++) {
            int objective = k;
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            Arrays.sort(order, Comparator.comparingDouble(i -> front.get(i).costs()[objective]));
            double low = front.get(order[0]).costs()[k];
            double high = front.get(order[n - 1]).costs()[k];
            distance[order[0]] = Double.POSITIVE_INFINITY;
            distance[order[n - 1]] = Double.POSITIVE_INFINITY;
            if (high == low) {
                continue;
            }
            for (int i = 1; i < n - 1; i++) {
                distance[order[i]] += (front.get(order[i + 1]).costs()[k] - front.get(order[i - 1]).costs()[k])
                        / (high - low);
            }
        }
        return distance;
    }

    private static void shuffle(List<Member> members, SplittableRandom random) {
        for (int i = members.size() - 1; i > 0; i--) {
            Collections.swap(members, i, random.nextInt(i + 1));
        }
    }
}
