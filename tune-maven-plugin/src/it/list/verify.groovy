// tune:list prints each experiment, its search space and settings, and runs nothing.
def lines = new File(basedir, 'build.log').readLines()
def expect = { String line -> assert lines.contains(line): "build.log lacks the line: " + line }

expect '[INFO] 2 experiments in target/classes, target/test-classes:'
expect '[INFO] Classifier (com.example.Classifier)'
expect '[INFO]   learningRate: loguniform(1.0E-4, 0.1)'
expect '[INFO]   batchSize: choice[16, 32, 64]'
expect '[INFO]   [metric=accuracy, mode=max, samples=4, searcher=auto]'
expect '[INFO] grid (com.example.Search#grid)'
expect '[INFO]   k: grid[1, 2, 3]'
expect '[INFO]   [metric=(Hugging Face default objective), mode=min, samples=1, searcher=auto]'
expect '[INFO] BUILD SUCCESS'
assert !lines.any { it.startsWith('[INFO] Running experiment') }: 'tune:list must not run anything'
assert !new File(basedir, 'target/tune').exists()
return true
