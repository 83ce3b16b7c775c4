// An invalid annotation stops the build with the engine's message: class, member, annotation, fix.
def lines = new File(basedir, 'build.log').readLines()

assert lines.contains('[INFO] BUILD FAILURE')
def failure = lines.find { it.startsWith('[ERROR] Failed to execute goal dev.tune:tune-maven-plugin:') }
assert failure != null: 'the build did not fail in tune-maven-plugin'
assert failure.endsWith(':run (default-cli) on project invalid-annotation: '
        + 'Experiment Broken: Invalid trainable com.example.Broken, field \'learningRate\' (@Uniform): '
        + 'lower (5.0) must be below upper (1.0). Fix: correct the annotation\'s values -> [Help 1]'):
        'the failure does not carry the invalid-trainable message: ' + failure
assert !lines.any { it.startsWith('[INFO] Running experiment') }: 'nothing may run'
assert !new File(basedir, 'target/tune').exists()
return true
