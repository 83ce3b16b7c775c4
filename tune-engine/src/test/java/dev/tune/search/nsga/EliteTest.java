package dev.tune.search.nsga;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tune.Config;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** NSGA-II's survival: whole fronts first, then the least crowded of the front that does not fit. */
class EliteTest {

    private static List<Member> members(double[]... costs) {
        List<Member> members = new ArrayList<>();
        for (int i = 0; i < costs.length; i++) {
            members.add(new Member("t" + i, i + 1, 0, Config.empty(), costs[i], 0));
        }
        return members;
    }

    @Test
    void crowdingDistanceIsInfiniteAtTheEndsAndTheNeighboursGapInside() {
        List<Member> front = members(new double[] {0, 4}, new double[] {1, 3}, new double[] {3, 1}, new double[] {4, 0});
        double[] distance = Elite.crowding(front);
        assertEquals(Double.POSITIVE_INFINITY, distance[0]);
        assertEquals(Double.POSITIVE_INFINITY, distance[3]);
        assertArrayEquals(new double[] {0.75 + 0.75, 0.75 + 0.75}, new double[] {distance[1], distance[2]}, 1e-12);
    }

    @Test
    void theEliteIsWholeFrontsThenTheLeastCrowded() {
        List<Member> population = members(new double[] {0, 10}, new double[] {10, 0}, new double[] {5, 5},
                new double[] {5.1, 5.1}, new double[] {1, 9.9}, new double[] {20, 20});
        List<Member> elite = Elite.select(population, 3, new SplittableRandom(1));
        assertEquals(List.of("t0", "t1", "t2"), elite.stream().map(Member::id).sorted().toList(),
                "of the front t0, t1, t2, t4 the ends stay, then t2, less crowded than t4 beside t0");
        assertEquals(6, Elite.select(population, 10, new SplittableRandom(1)).size());
    }

    @Test
    void aFeasibleMemberBeatsAnInfeasibleOneAndTheSmallerViolationBeatsALarger() {
        Member feasibleButWorse = new Member("a", 1, 0, Config.empty(), new double[] {9, 9}, 0);
        Member infeasibleButBetter = new Member("b", 2, 0, Config.empty(), new double[] {1, 1}, 0.5);
        Member moreInfeasible = new Member("c", 3, 0, Config.empty(), new double[] {0, 0}, 2);
        assertEquals(true, feasibleButWorse.dominates(infeasibleButBetter));
        assertEquals(false, infeasibleButBetter.dominates(feasibleButWorse));
        assertEquals(true, infeasibleButBetter.dominates(moreInfeasible));
    }
}
