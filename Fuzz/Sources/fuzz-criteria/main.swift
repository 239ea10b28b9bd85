import FuzzSupport

runFuzzer { data, size in fuzzCriteria(fuzzBytes(data, size)); return 0 }
