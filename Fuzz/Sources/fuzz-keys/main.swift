import FuzzSupport

runFuzzer { data, size in fuzzKeys(fuzzBytes(data, size)); return 0 }
