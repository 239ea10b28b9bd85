import FuzzSupport

runFuzzer { data, size in fuzzApp(fuzzBytes(data, size)); return 0 }
