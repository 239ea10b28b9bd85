#define _GNU_SOURCE
#include "bench_pty.h"

#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

int kieumau_bench_open_pty(unsigned short rows, unsigned short cols, char *slave_path, size_t path_size) {
    int master = posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (master < 0) return -1;
    struct winsize size = { .ws_row = rows, .ws_col = cols, .ws_xpixel = 0, .ws_ypixel = 0 };
    if (grantpt(master) != 0 || unlockpt(master) != 0 || ptsname_r(master, slave_path, path_size) != 0
        || ioctl(master, TIOCSWINSZ, &size) != 0) {
        int saved = errno;
        close(master);
        errno = saved;
        return -1;
    }
    return master;
}

int kieumau_bench_spawn(const char *slave_path, char *const argv[], char *const envp[], int stderr_fd, pid_t *pid) {
    posix_spawn_file_actions_t actions;
    posix_spawnattr_t attributes;
    int result = posix_spawn_file_actions_init(&actions);
    if (result != 0) return result;
    result = posix_spawnattr_init(&attributes);
    if (result != 0) { posix_spawn_file_actions_destroy(&actions); return result; }
    // setsid() runs before the file actions, so opening the terminal makes it the controlling one.
    result = posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSID);
    if (result == 0) result = posix_spawn_file_actions_addopen(&actions, 0, slave_path, O_RDWR, 0);
    if (result == 0) result = posix_spawn_file_actions_adddup2(&actions, 0, 1);
    if (result == 0) result = posix_spawn_file_actions_adddup2(&actions, stderr_fd >= 0 ? stderr_fd : 0, 2);
    if (result == 0) result = posix_spawn(pid, argv[0], &actions, &attributes, argv, envp);
    posix_spawnattr_destroy(&attributes);
    posix_spawn_file_actions_destroy(&actions);
    return result;
}
