// tune:run on a model class in src/main: the user sees each experiment start, the tuner's progress
// table, and the results table; every trial's files are under target/tune/<experiment>.
def lines = new File(basedir, 'build.log').readLines()
def expect = { String line -> assert lines.contains(line): "build.log lacks the line: " + line }

expect '[INFO] Running experiment LinearModel (com.example.model.LinearModel)'
assert lines.any { it.startsWith('[INFO] == LinearModel: 3 trials, 3 TERMINATED | objective: loss (min)') }:
        'the progress table is not in the build log'
// The plugin's results table names the best trial once: the tuner's own closing summary is off.
assert !lines.any { it.contains('LinearModel finished in') } : 'the tuner printed its own summary as well'
expect '[INFO] Tune results:'
expect '[INFO]   LinearModel (com.example.model.LinearModel)'
expect '[INFO]     Best trial #3 learningRate=0.75: loss=0.00097656'
expect '[INFO]     Config:    learningRate=0.75'
expect '[INFO]     Objective: loss (min)'
expect('[INFO]     Searcher:  auto chose random search over a grid (each of the 3 combinations once) for 3 trials'
        + ' of 1 hyperparameter: a grid asks for every combination, as in Ray')
expect '[INFO]     Trials: 3 terminated (0 stopped early), 0 errors'
expect '[INFO]     Results:   target/tune/LinearModel'
expect '[INFO]     Report:    target/tune/LinearModel/report.html'
expect '[INFO] BUILD SUCCESS'

def dir = new File(basedir, 'target/tune/LinearModel')
assert new File(dir, 'experiment.json').isFile()
def experiment = new groovy.json.JsonSlurper().parse(new File(dir, 'experiment.json'))
assert experiment.name == 'LinearModel'
assert experiment.trainable == 'com.example.model.LinearModel'
def journal = new File(dir, 'trials.jsonl').readLines()
assert journal.count { it.contains('"event":"added"') } == 3
assert new File(dir, 'report.html').isFile(): 'the run wrote its report'
def trialDirs = dir.listFiles().findAll { it.isDirectory() }
assert trialDirs.size() == 3
trialDirs.each { trial ->
    ['params.json', 'result.json', 'progress.csv'].each { name ->
        assert new File(trial, name).isFile(): "${trial.name} has no ${name}"
    }
    assert new File(trial, 'result.json').readLines().size() == 3: "${trial.name} did not run 3 epochs"
}
return true
