// Surefire ran the three trials, trial #2 failed, and rerunFailingTestsCount ran it again by its unique id: alone,
// with its recorded config, into Flaky.fit-rerun-2, where it passed. The build passes with one flake.
def log = new File(basedir, 'build.log').text
assert log.contains('Run 1: FlakyTests.#2 x=2'): 'trial #2 failed on its first run'
assert log.contains('Run 2: PASS'): 'and passed when Surefire re-ran it by its id'
assert log.contains('Flakes: 1'): 'Surefire counts it as a flake'
assert log.contains('Flaky.fit-rerun-2 finished in') && log.contains('1 trials, 1 terminated'): 'the re-run ran that trial alone'
assert new File(basedir, 'target/tune/Flaky.fit-rerun-2/experiment.json').isFile()
def rerun = new File(basedir, 'target/tune/Flaky.fit-rerun-2/trials.jsonl').text
assert rerun.contains('"x":2') || rerun.contains('"x" : 2'): "the recorded config x=2: ${rerun}"
assert log.contains('BUILD SUCCESS')
return true
