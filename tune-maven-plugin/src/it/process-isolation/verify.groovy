// Trials in child JVMs through Surefire, tune:run and the console launcher. In each, k=1 and k=5 complete; k=2
// (System.exit(3)) and k=3 (a 64 MiB heap filled) fail with the exit code or the heap, and the last lines of the
// child's stderr; k=4, whose step never returns, is ended with its JVM at its 2 s limit as timed out.
def log = new File(basedir, 'build.log').text

// 1. Surefire: a test per trial, in Surefire's XML with each error's message.
def xml = new File(basedir, 'target/surefire-reports').listFiles().find { it.name.startsWith('TEST-') && it.name.endsWith('.xml') }
assert xml != null: 'Surefire wrote its XML'
def suite = new groovy.xml.XmlSlurper().parse(xml)
def cases = suite.testcase.collectEntries { [(it.@name.text().replaceAll(/ .*/, '')): it] }
assert cases.keySet() == ['#1', '#2', '#3', '#4', '#5'] as Set: "five trials: ${cases.keySet()}"
['#1', '#5'].each { assert cases[it].error.size() == 0 && cases[it].skipped.size() == 0: "${it} passed" }
def exited = cases['#2'].error.@message.text()
assert exited.startsWith('Trial #2 k=2 lost its JVM (pid '): exited
assert exited.contains('it exited with code 3') && exited.contains('giving up at k=2'): exited
def oom = cases['#3'].error.@message.text()
assert oom.contains('ran out of memory (java.lang.OutOfMemoryError: Java heap space)'): oom
assert oom.contains('(-Xmx64m from @Resources(memoryMb)'): oom
assert cases['#4'].skipped.size() == 1: 'the trial that never returned is reported as aborted (skipped)'
assert log.contains('trial k=1 runs in JVM '): "the children's output reaches the build's"

// 2. tune:run: the same outcome in the project's results, and the build goes on.
def ended = new File(basedir, 'target/tune/Fragile/trials.jsonl').readLines().findAll { it.contains('"event":"ended"') }
assert ended.size() == 5: "five trials ended: ${ended}"
assert ended.count { it.contains('"termination":"COMPLETED"') } == 2: "two completed: ${ended}"
assert ended.count { it.contains('"termination":"TIMED_OUT"') } == 1: "one timed out: ${ended}"
assert ended.count { it.contains('"status":"ERROR"') } == 2: "two errors: ${ended}"
assert ended.any { it.contains('it exited with code 3') }: 'the exit is recorded with its code'
assert log.contains('[INFO] Running experiment Fragile (com.example.Fragile#train)')
assert log.contains('2 errors'): 'the summary counts the two crashed trials'

// 3. The JUnit console launcher, on this project's test class path.
def classPath = new File(basedir, 'target/classes').path + File.pathSeparator +
        new File(basedir, 'target/test-classpath.txt').text.trim()
def java = new File(System.getProperty('java.home'), 'bin/java').path
def started = System.nanoTime()
def process = new ProcessBuilder([java, '-cp', classPath, 'org.junit.platform.console.ConsoleLauncher', 'execute',
        '--disable-banner', '--disable-ansi-colors', '--details=tree', '--details-theme=ascii',
        '--config=tune.junit.mode=full', '--config=tune.verbose=0', '--config=tune.stop.graceTime=1s',
        '--config=tune.storagePath=' + new File(basedir, 'target/console-runs').path,
        '--select-class', 'com.example.Fragile']).directory(basedir).redirectErrorStream(true).start()
def output = process.inputStream.text
process.waitFor()
def seconds = (System.nanoTime() - started) / 1e9
println output
assert process.exitValue() == 1: "the console launcher reports the failed trials: exit code ${process.exitValue()}"
assert output.contains('[         2 tests successful      ]'): 'k=1 and k=5'
assert output.contains('[         2 tests failed          ]'): 'k=2 and k=3'
assert output.contains('[         1 tests aborted         ]'): 'k=4'
assert output.contains('lost its JVM') && output.contains('it exited with code 3'): 'the exit, in the tree'
assert output.contains('ran out of memory') && output.contains('-Xmx64m'): 'the heap, in the tree'
assert seconds < 90: "the run ended well within its 120 s budget: ${seconds} s"

// 4. The console launcher again, with the project on its --class-path: the launcher loads the project (and the tune
// engine) in a class loader of its own, and the children run on that class path, not the launcher's.
def entries = classPath.split(File.pathSeparator)
def isLauncher = { String e -> def n = new File(e).name; n.startsWith('junit-platform-') || n.startsWith('opentest4j-') ||
        n.startsWith('apiguardian-') || n.startsWith('open-test-reporting-') }
def launcherPath = entries.findAll { isLauncher(it) }.join(File.pathSeparator)
def projectPath = entries.findAll { !isLauncher(it) && !new File(it).name.startsWith('junit-platform-suite') }
        .join(File.pathSeparator)
def own = new ProcessBuilder([java, '-cp', launcherPath, 'org.junit.platform.console.ConsoleLauncher', 'execute',
        '--disable-banner', '--disable-ansi-colors', '--details=tree', '--details-theme=ascii',
        '--class-path', projectPath, '--config=tune.junit.mode=full', '--config=tune.verbose=0',
        '--config=tune.stop.graceTime=1s', '--config=tune.storagePath=' + new File(basedir, 'target/console-own').path,
        '--select-class', 'com.example.Fragile']).directory(basedir).redirectErrorStream(true).start()
def ownOutput = own.inputStream.text
own.waitFor()
println ownOutput
assert own.exitValue() == 1: "exit code ${own.exitValue()}"
assert ownOutput.contains('[         2 tests successful      ]') && ownOutput.contains('[         2 tests failed          ]')
assert ownOutput.contains('trial k=1 runs in JVM '): 'a child found com.example.Fragile on the --class-path'
return true
