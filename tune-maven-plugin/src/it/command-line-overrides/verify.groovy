// Annotation samples=10 < POM <samples>5</samples> < command line -Dtune.samples=2: two trials.
// The POM's <seed>42</seed>, which the command line leaves alone, applies too.
def lines = new File(basedir, 'build.log').readLines()
def expect = { String line -> assert lines.contains(line): "build.log lacks the line: " + line }

expect '[INFO] Running experiment Sampled (com.example.Sampled#score)'
expect '[INFO]     Trials: 2 terminated (0 stopped early), 0 errors'
expect '[INFO] BUILD SUCCESS'
// the POM's <options> name a trial name creator and a callback (built with the experiment's options) by class
assert lines.any { it.contains('run-1') } && lines.any { it.contains('run-2') }: 'the trials are named by com.example.RunNames'
assert lines.any { it.contains('SaysDone: run-1 completed, seed 42') }: 'com.example.SaysDone was called, with the options'

def dir = new File(basedir, 'target/tune/Sampled')
def journal = new File(dir, 'trials.jsonl').readLines()
assert journal.count { it.contains('"event":"added"') } == 2
def experiment = new groovy.json.JsonSlurper().parse(new File(dir, 'experiment.json'))
assert experiment.samples == 2
assert experiment.seed == 42
return true
