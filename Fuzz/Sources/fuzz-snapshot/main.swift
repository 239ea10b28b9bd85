import FuzzSupport

runFuzzer { data, size in fuzzSnapshot(fuzzBytes(data, size)); return 0 }
