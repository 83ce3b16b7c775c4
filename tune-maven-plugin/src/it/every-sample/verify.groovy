// Every sample the README names ran alone and all together through tune:run, and each ended without errors
// (but fault-tolerance, whose trials fail on purpose), leaving its report.html beside its results.
import groovy.json.JsonSlurper

def readme = new File(basedir, '../../../../README.md').text
def offered = readme.substring(readme.indexOf('-Dsample='), readme.indexOf('for all'))
def names = (offered =~ /`([a-z][a-z0-9]*(?:-[a-z0-9]+)*)`/).collect { it[1] } as Set
assert names.size() >= 13: "the README lists the samples after -Dsample=: ${names}"

def goals = new File(basedir, 'invoker.properties').readLines().findAll { it.startsWith('invoker.goals.') }
def alone = goals.collect { (it =~ /-Dtune\.experiments=(\S+)/)[0][1] }.findAll { it != '*' } as Set
assert alone == names: "invoker.properties runs ${alone}, the README offers ${names}: keep them the same"
assert goals.any { it.contains('-Dtune.experiments=* ') }: 'all samples together'

def json = new JsonSlurper()
def finished = { File dir ->
    assert new File(dir, 'experiment.json').isFile(): "${dir} has its experiment.json"
    def state = json.parse(new File(dir, 'experiment-state.json'))
    assert state.status == 'FINISHED': "${dir}: ${state}"
    if (dir.name == 'fault-tolerance') {
        assert (state.trialsByStatus?.ERROR ?: 0) > 0: "${dir}: some trials failed, as the sample shows: ${state.trialsByStatus}"
    } else {
        assert (state.trialsByStatus?.ERROR ?: 0) == 0: "${dir} ended with trial errors: ${state.trialsByStatus}"
    }
    assert new File(dir, 'trials.jsonl').readLines().size() > 0
    def report = new File(dir, 'report.html')
    assert report.isFile() && report.text.contains('Content-Security-Policy'): "${dir} has its report.html"
}
names.each { name ->
    def runs = new File(basedir, "target/runs/${name}")
    assert runs.list() as List == [name]: "-Dtune.experiments=${name} ran exactly that sample: ${runs.list()}"
    finished(new File(runs, name))
}
def all = new File(basedir, 'target/runs/all')
assert (all.list() as Set) == names: "'*' ran every sample: ${all.list()}"
names.each { finished(new File(all, it)) }
return true
