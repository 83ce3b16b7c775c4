// A new user's project end to end: Surefire (smoke and full), tune:run, the console launcher, and a re-run by a
// trial id copied from the launcher's report.
def log = new File(basedir, 'build.log').text
def testcases = { String dir ->
    def names = []
    new File(basedir, dir).listFiles().findAll { it.name.startsWith('TEST-') && it.name.endsWith('.xml') }.each { f ->
        (f.text =~ /<testcase name="([^"]*)"/).each { names << it[1] }
    }
    names
}

// 1. mvn test: the suite ran one smoke trial.
def smoke = testcases('target/surefire-reports')
assert smoke.size() == 1 && smoke[0].startsWith('#1 learningRate='): "smoke run: one trial expected, got ${smoke}"

// 2. Full mode: every trial is a test case in Surefire's XML, and results were written.
def full = testcases('target/full-reports')
assert full.size() == 6: "full mode: six trials expected in Surefire's XML, got ${full}"
assert (1..6).every { n -> full.any { it.startsWith("#${n} learningRate=") } }: "trials #1 to #6 expected: ${full}"
assert new File(basedir, 'target/tune/ridge/experiment.json').isFile(): 'full mode writes target/tune/ridge'

// 3. tune:run names the best trial and writes the results directory.
assert log.contains('[INFO] Running experiment ridge (com.example.model.RidgeRegression)'): 'tune:run ran ridge'
assert log =~ /\[INFO\]     Best trial #\d learningRate=[0-9.]+, penalty=[0-9.]+: loss=/: 'tune:run names the best trial'
assert new File(basedir, 'target/tune-run/ridge/trials.jsonl').isFile(): 'tune:run writes its results directory'

// 4. The JUnit console launcher runs the experiment, on this project's test class path.
def classPath = new File(basedir, 'target/classes').path + File.pathSeparator +
        new File(basedir, 'target/test-classpath.txt').text.trim()
def java = new File(System.getProperty('java.home'), 'bin/java').path
def launch = { List<String> args ->
    def command = [java, '-cp', classPath, 'org.junit.platform.console.ConsoleLauncher', 'execute',
                   '--disable-banner', '--disable-ansi-colors', '--details=tree', '--details-theme=ascii',
                   '--config=tune.junit.mode=full', '--config=tune.verbose=0',
                   '--config=tune.storagePath=' + new File(basedir, 'target/console-runs').path] + args
    def process = new ProcessBuilder(command).directory(basedir).redirectErrorStream(true).start()
    def output = process.inputStream.text
    process.waitFor()
    println output
    [process.exitValue(), output]
}
def (code, output) = launch(['--select-class', 'com.example.model.RidgeRegression',
                             '--reports-dir', new File(basedir, 'target/console-reports').path])
assert code == 0: "console launcher exit code ${code}"
assert output.contains('[         6 tests successful      ]'): 'the console launcher ran six trials'

// 5. A trial id copied from the launcher's own report runs exactly that trial again.
def report = new File(basedir, 'target/console-reports/TEST-tune.xml').text
def matcher = report =~ /<testcase name="(#3 [^"]*)"[^>]*>\s*<system-out><!\[CDATA\[\s*unique-id: (\[engine:tune\][^\n]*\[trial:3\])/
assert matcher.find(): 'the report holds trial #3 with its unique id'
def (name, id) = [matcher.group(1), matcher.group(2).trim()]
assert id == '[engine:tune]/[class:com.example.model.RidgeRegression]/[experiment:com.example.model.RidgeRegression]/[trial:3]'
def (again, rerun) = launch(['--select-unique-id', id])
assert again == 0: "re-run exit code ${again}"
assert rerun.contains('[         1 tests found           ]') && rerun.contains('[         1 tests successful      ]'): 'one trial'
assert rerun.contains("-- ${name} [OK]"): "the re-run is trial ${name}, under its recorded name and config"
assert new File(basedir, 'target/console-runs/ridge-rerun-3/experiment.json').isFile(): 'the re-run kept its own results'

// 6. A configuration parameter names a trial name creator by class (here from the test classes): each test
// carries the name it gives.
def withTests = classPath + File.pathSeparator + new File(basedir, 'target/test-classes').path
def named = new ProcessBuilder([java, '-cp', withTests, 'org.junit.platform.console.ConsoleLauncher', 'execute',
        '--disable-banner', '--disable-ansi-colors', '--details=tree', '--details-theme=ascii',
        '--config=tune.junit.mode=full', '--config=tune.verbose=0', '--config=tune.name=ridge-named',
        '--config=tune.storagePath=' + new File(basedir, 'target/console-runs').path,
        '--config=tune.trialNameCreator=com.example.model.ShortNames',
        '--select-class', 'com.example.model.RidgeRegression']).directory(basedir).redirectErrorStream(true).start()
def namedOutput = named.inputStream.text
named.waitFor()
println namedOutput
assert named.exitValue() == 0: "console launcher with a name creator: exit code ${named.exitValue()}"
assert (1..6).every { n -> namedOutput.contains("-- ridge-${n} [OK]") }: 'each trial is named by ShortNames'
return true
