// The report page of a run, written again by tune:report, and the dashboard serving the results.
def log = new File(basedir, 'build.log').text
def lines = log.readLines()
def expect = { String line -> assert lines.contains(line): "build.log lacks the line: " + line }

expect '[INFO]     Report:    target/tune/LinearModel/report.html'
expect '[INFO] Report: target/tune/LinearModel/report.html'
assert lines.any { it ==~ /\[INFO\] Dashboard of target\/tune: http:\/\/127\.0\.0\.1:\d+\/ for 1s/ }:
        'tune:dashboard printed where it serves'

def report = new File(basedir, 'target/tune/LinearModel/report.html')
assert report.isFile()
def page = report.text
assert page.contains('http-equiv="Content-Security-Policy" content="default-src \'none\'; script-src \'sha256-')
assert page.contains('"name":"LinearModel"')
assert !(page =~ /<script[^>]+src=/): 'everything is inlined'
return true
