import FuzzSupport

runFuzzer { data, size in fuzzXLSX(fuzzBytes(data, size)); return 0 }
