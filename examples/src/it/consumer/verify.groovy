// Adding the mock server in test scope must change no compile- or runtime-scope dependency.
def shipped = { String name ->
    new File(basedir, "target/" + name).readLines()
        .collect { it.trim().replaceAll(/ -- .*$/, '') }
        .findAll { it ==~ /[^: ]+(:[^: ]+){3,4}:(compile|runtime)/ }
        .toSet()
}
def without = shipped("without-mock-server.txt")
def with = shipped("with-mock-server.txt")
assert !without.isEmpty() : "no dependency listed without the mock server"
assert without.any { it.startsWith("dev.fastlykit:fastly-invitations-sdk:") }
if (without != with) {
    throw new AssertionError("adding the mock server in test scope changed what the application ships:\n"
        + (without - with).collect { "  - " + it }.join("\n") + "\n"
        + (with - without).collect { "  + " + it }.join("\n"))
}
println "[consumer] " + with.size() + " compile and runtime dependencies, the same with and without the mock server"
return true
