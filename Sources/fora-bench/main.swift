// fora-bench: the project's benchmarks, run in a release build (`make bench`).
print("fora-bench: no benchmarks yet")
