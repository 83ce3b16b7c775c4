// Every sample the README names ran alone, all together with '*', and with no selection (as `mvn tune:run` in
// samples/), and each ended without errors, leaving its report.html beside its results. The samples' test fixtures
// (in an examples package) never ran: the build log names them as left out.
import groovy.json.JsonSlurper

def readme = new File(basedir, '../../../../README.md').text
def offered = readme.substring(readme.indexOf('-Dsample='), readme.indexOf('for all'))
def names = (offered =~ /`([a-z][a-z0-9]*(?:-[a-z0-9]+)*)`/).collect { it[1] } as Set
assert names.size() >= 13: "the README lists the samples after -Dsample=: ${names}"

def goals = new File(basedir, 'invoker.properties').readLines().findAll { it.startsWith('invoker.goals.') }
def selected = goals.findAll { it.contains('-Dtune.experiments=') }
def alone = selected.collect { (it =~ /-Dtune\.experiments=(\S+)/)[0][1] }.findAll { it != '*' } as Set
assert alone == names: "invoker.properties runs ${alone}, the README offers ${names}: keep them the same"
assert goals.any { it.contains('-Dtune.experiments=* ') }: 'all samples together'
assert goals.any { !it.contains('-Dtune.experiments=') }: 'tune:run with no selection'

def json = new JsonSlurper()
def finished = { File dir ->
    assert new File(dir, 'experiment.json').isFile(): "${dir} has its experiment.json"
    def state = json.parse(new File(dir, 'experiment-state.json'))
    assert state.status == 'FINISHED': "${dir}: ${state}"
    assert (state.trialsByStatus?.ERROR ?: 0) == 0: "${dir} ended with trial errors: ${state.trialsByStatus}"
    assert new File(dir, 'trials.jsonl').readLines().size() > 0
    def report = new File(dir, 'report.html')
    assert report.isFile() && report.text.contains('Content-Security-Policy'): "${dir} has its report.html"
}
names.each { name ->
    def runs = new File(basedir, "target/runs/${name}")
    assert runs.list() as List == [name]: "-Dtune.experiments=${name} ran exactly that sample: ${runs.list()}"
    finished(new File(runs, name))
}
['all', 'plain'].each { run ->
    def dir = new File(basedir, "target/runs/${run}")
    assert (dir.list() as Set) == names: "the ${run} run ran every sample and nothing else: ${dir.list()}"
    names.each { finished(new File(dir, it)) }
}

// The test fixtures were compiled, found and left out, by name, in every run that did not name them.
assert new File(basedir, 'target/test-classes/dev/tune/pages/examples').isDirectory(): 'the samples\' tests compiled'
def log = new File(basedir, 'build.log').text
def leftOut = (log =~ /Left out (\d+) test fixture\(s\) in examples packages/).collect { it[1] as int }
assert leftOut.size() == goals.size() && leftOut.every { it >= 2 }: "every run left out the fixtures: ${leftOut}"
return true
