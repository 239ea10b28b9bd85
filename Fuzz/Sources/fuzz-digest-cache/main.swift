import FuzzSupport

// `fuzz-digest-cache --write-seeds DIR` writes the seed corpus (entries of real digests) instead.
if CommandLine.arguments.count == 3, CommandLine.arguments[1] == "--write-seeds" {
    writeDigestCacheSeeds(into: CommandLine.arguments[2])
}
runFuzzer { data, size in fuzzDigestCache(fuzzBytes(data, size)); return 0 }
