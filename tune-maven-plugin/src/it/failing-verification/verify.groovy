// A @Verify method that throws fails the build after the experiment ran, with its message.
def lines = new File(basedir, 'build.log').readLines()
def expect = { String line -> assert lines.contains(line): "build.log lacks the line: " + line }

expect '[INFO] Running experiment QualityGate (com.example.QualityGate#train)'
expect '[INFO]     Best trial #1 k=1: loss=0.5'
expect '[INFO]     Trials: 2 terminated (0 stopped early), 0 errors'
expect '[INFO] BUILD FAILURE'
def failure = lines.find { it.startsWith('[ERROR] Failed to execute goal dev.tune:tune-maven-plugin:') }
assert failure != null: 'the build did not fail in tune-maven-plugin'
assert failure.endsWith(':run (default-cli) on project failing-verification: '
        + 'Experiment QualityGate: verification failed: best loss 0.5 is above 0.1 -> [Help 1]'):
        'the failure does not carry the verification message: ' + failure
assert new File(basedir, 'target/tune/QualityGate/trials.jsonl').isFile()
return true
