import FuzzSupport

runFuzzer { data, size in fuzzCrosswalk(fuzzBytes(data, size)); return 0 }
