// A trial that throws halts the build once the experiment is done; the message names the
// experiment, the trial and the exception. The results of every trial are kept.
def lines = new File(basedir, 'build.log').readLines()
def expect = { String line -> assert lines.contains(line): "build.log lacks the line: " + line }

expect '[INFO] Running experiment Diverging (com.example.Diverging#train)'
expect '[INFO]     Best trial #1 k=1: loss=1'
expect '[INFO]     Trials: 2 terminated (0 stopped early), 1 errors'
expect '[INFO] BUILD FAILURE'
def failure = lines.find { it.startsWith('[ERROR] Failed to execute goal dev.tune:tune-maven-plugin:') }
assert failure != null: 'the build did not fail in tune-maven-plugin'
assert failure.endsWith(':run (default-cli) on project failing-trial: '
        + 'Experiment Diverging: 1 trial(s) failed, first #2 k=2: '
        + 'java.lang.IllegalStateException: loss diverged at k=2 -> [Help 1]'):
        'the failure does not name the experiment, trial and exception: ' + failure

def dir = new File(basedir, 'target/tune/Diverging')
assert new File(dir, 'trials.jsonl').readLines().count { it.contains('"event":"added"') } == 3
return true
