import FuzzSupport

runFuzzer { data, size in fuzzReviewImport(fuzzBytes(data, size)); return 0 }
