#ifndef KIEUMAU_BENCH_PTY_H
#define KIEUMAU_BENCH_PTY_H

#include <stddef.h>
#include <sys/types.h>

/// Opens a new pseudo-terminal of `rows` x `cols`. Returns the master descriptor (close-on-exec)
/// and writes the slave's path into `slave_path`, or returns -1 with errno set.
int kieumau_bench_open_pty(unsigned short rows, unsigned short cols, char *slave_path, size_t path_size);

/// Starts `argv[0]` (a path) in a new session whose controlling terminal, standard input and
/// output are the terminal at `slave_path`; standard error goes to `stderr_fd` when it is >= 0,
/// else to the terminal. Returns 0 and the child's pid, or an errno value.
int kieumau_bench_spawn(const char *slave_path, char *const argv[], char *const envp[], int stderr_fd, pid_t *pid);

#endif
