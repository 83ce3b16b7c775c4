// A step that never returns (and swallows interrupts) holds up neither the other trials nor the build:
// its trial times out at its 0.5 s limit, its thread is left behind after the POM's 500 ms grace, with a
// warning that names the trial, and the slot goes on with trial #3.
def lines = new File(basedir, 'build.log').readLines()
def expect = { String line -> assert lines.contains(line): "build.log lacks the line: " + line }

expect '[INFO] Running experiment Stuck (com.example.Stuck#train)'
expect '[INFO] BUILD SUCCESS'
assert lines.any { it.contains('Trial #2 k=2 did not return within 0.5 s of being interrupted at its time limit') &&
        it.contains('is left behind and its slot goes on without it') }: 'a warning names the trial left behind'

def ended = new File(basedir, 'target/tune/Stuck/trials.jsonl').readLines().findAll { it.contains('"event":"ended"') }
assert ended.size() == 3: "three trials ended: ${ended}"
assert ended.count { it.contains('"termination":"TIMED_OUT"') } == 1: "one timed out: ${ended}"
assert ended.count { it.contains('"termination":"COMPLETED"') } == 2: "two completed: ${ended}"
return true
