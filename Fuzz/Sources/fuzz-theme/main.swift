import FuzzSupport

runFuzzer { data, size in fuzzTheme(fuzzBytes(data, size)); return 0 }
