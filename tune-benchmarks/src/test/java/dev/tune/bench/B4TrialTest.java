package dev.tune.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** B4W's trial records: regrets in trial-number order, trials at once, and the lines workers write. */
class B4TrialTest {

    @Test
    void regretsFollowTrialNumbersNotTheOrderTrialsAreListedIn() {
        // trial n has value 101 - n, except trial 30 (value 0.5) and trial 60 (value 0.25)
        List<B4Trial> trials = new ArrayList<>();
        for (int n = 1; n <= 100; n++) {
            trials.add(new B4Trial(n, n == 30 ? 0.5 : n == 60 ? 0.25 : 101 - n, 0, 0));
        }
        Collections.reverse(trials); // as a worker's result might list them: by end, say
        Collections.swap(trials, 3, 70);
        assertArrayEquals(new double[] {76 - 1, 0.5 - 1, 0.25 - 1}, B4Trial.regrets(trials, 1), 0);
    }

    @Test
    void aTrialWithoutAValueIsNeverTheBest() {
        List<B4Trial> trials = new ArrayList<>();
        for (int n = 1; n <= 100; n++) {
            trials.add(new B4Trial(n, n == 2 ? Double.NaN : 10, 0, 0));
        }
        assertArrayEquals(new double[] {10, 10, 10}, B4Trial.regrets(trials, 0), 0);
        assertTrue(Double.isNaN(B4Trial.regrets(trials.subList(0, 60), 0)[2]), "no regret@100 from 60 trials");
    }

    @Test
    void trialsAtOnce() {
        List<B4Trial> sequential = List.of(new B4Trial(1, 1, 0, 10), new B4Trial(2, 1, 10, 20), new B4Trial(3, 1, 20, 30));
        assertEquals(1, B4Trial.concurrency(sequential), 0);
        List<B4Trial> overlapping = List.of(new B4Trial(1, 1, 0, 20), new B4Trial(2, 1, 0, 20), new B4Trial(3, 1, 0, 20),
                new B4Trial(4, 1, 0, 20), new B4Trial(5, 1, 20, 40), new B4Trial(6, 1, 20, 40), new B4Trial(7, 1, 20, 40),
                new B4Trial(8, 1, 20, 40));
        assertEquals(4, B4Trial.concurrency(overlapping), 0);
        List<B4Trial> withAFailure = List.of(new B4Trial(1, 1, 0, 10), new B4Trial(2, Double.NaN, 0, 0),
                new B4Trial(3, 1, 5, 15));
        assertEquals(20 / 15.0, B4Trial.concurrency(withAFailure), 1e-15);
        assertTrue(Double.isNaN(B4Trial.concurrency(List.of(new B4Trial(1, 1, 5, 5)))));
    }

    @Test
    void linesReadBackExactly() {
        B4Trial trial = new B4Trial(17, 0.1 + 0.2, 1_733_000_000_123L, 1_733_000_000_144L);
        assertEquals("17 0.30000000000000004 1733000000123 1733000000144", trial.line());
        assertEquals(trial, B4Trial.parse(trial.line()));
        B4Trial none = new B4Trial(3, Double.NaN, 0, 0);
        assertTrue(Double.isNaN(B4Trial.parse(none.line()).value()));
        assertEquals(-313.3293256301714, B4Trial.parse(new B4Trial(1, -313.3293256301714, 0, 1).line()).value(), 0);
        assertThrows(IllegalArgumentException.class, () -> B4Trial.parse("17 0.3 12"));
    }

    @Test
    void anArmCountsRunsWithoutAValuedTrialOfTheBudget() {
        B4Arm arm = new B4Arm(2);
        List<B4Trial> full = new ArrayList<>();
        for (int n = 1; n <= 100; n++) {
            full.add(new B4Trial(n, n, 0, 10));
        }
        arm.record(0, full, 1.5, 0);
        List<B4Trial> failed = new ArrayList<>(full);
        failed.set(40, new B4Trial(41, Double.NaN, 0, 0));
        arm.record(1, failed, 2.5, 0);
        assertEquals(1, arm.problems());
        assertArrayEquals(new double[] {1, 1}, arm.at(100), 0);
        assertEquals(2, arm.meanSeconds(), 0);
        assertEquals((100 + 99) / 2.0, arm.meanConcurrency(), 1e-12); // 100 trials of 10 ms within 10 ms
        assertThrows(IllegalArgumentException.class, () -> arm.at(30));
    }
}
