import FuzzSupport

runFuzzer { data, size in fuzzImportCSV(fuzzBytes(data, size)); return 0 }
