import FuzzSupport

runFuzzer { data, size in fuzzMap(fuzzBytes(data, size)); return 0 }
