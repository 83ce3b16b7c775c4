package dev.tune.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogStreamTest {

    @Test
    void eachPrintedLineBecomesOneInfoLine() {
        CapturingLog log = new CapturingLog();
        try (LogStream out = new LogStream(log)) {
            out.println("== Exp: 3 trials ==");
            out.print("trial  status\r\n#1     RUNNING");
            out.println();
            out.println();
            out.print("unfinished");
        }
        assertEquals(List.of("== Exp: 3 trials ==", "trial  status", "#1     RUNNING", "", "unfinished"), log.info);
    }

    @Test
    void keepsCharactersBeyondAscii() {
        CapturingLog log = new CapturingLog();
        try (LogStream out = new LogStream(log)) {
            out.println("σ=0.5 → best");
        }
        assertEquals(List.of("σ=0.5 → best"), log.info);
    }

    @Test
    void linesFromSeveralThreadsNeverInterleave() throws InterruptedException {
        CapturingLog log = new CapturingLog();
        LogStream out = new LogStream(log);
        List<String> texts = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            String text = ("thread" + t + " ").repeat(20).trim();
            texts.add(text);
            threads.add(new Thread(() -> {
                for (int i = 0; i < 200; i++) {
                    out.println(text);
                }
            }));
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }
        assertEquals(800, log.info.size());
        assertTrue(texts.containsAll(log.info), "a line mixes the output of two threads");
    }
}
