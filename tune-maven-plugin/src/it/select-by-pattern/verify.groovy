// -Dtune.experiments=*Alpha* runs AlphaModel's experiment and nothing else.
def lines = new File(basedir, 'build.log').readLines()
def expect = { String line -> assert lines.contains(line): "build.log lacks the line: " + line }

expect '[INFO] Running experiment AlphaModel.fit (com.example.AlphaModel#fit)'
expect '[INFO]     Best trial #2 k=2: error=0'
expect '[INFO]     Trials: 2 terminated (0 stopped early), 0 errors'
expect '[INFO] BUILD SUCCESS'
assert !lines.any { it.contains('BetaModel') }: 'BetaModel was not selected but appears in the log'

def tune = new File(basedir, 'target/tune')
assert new File(tune, 'AlphaModel.fit/trials.jsonl').isFile()
assert tune.list() as List == ['AlphaModel.fit']: "only AlphaModel's results should exist: ${tune.list()}"
return true
