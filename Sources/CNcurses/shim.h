#ifndef KIEUMAU_CNCURSES_SHIM_H
#define KIEUMAU_CNCURSES_SHIM_H
// The wide-character API (get_wch, add_wch, setcchar, cchar_t) is only declared with this set.
#define NCURSES_WIDECHAR 1
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <langinfo.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <termios.h>
#include <unistd.h>
#include <wchar.h>
#include <ncursesw/ncurses.h>

// Swift's Glibc module hides these (they sit behind __USE_XOPEN); the prototypes match glibc's.
extern int wcwidth(wchar_t c);
extern int wcswidth(const wchar_t *s, size_t n);

// ---- Globals Swift 6 refuses to touch directly (strict concurrency) -------------------------

static inline WINDOW *kieumau_stdscr(void) { return stdscr; }
static inline int kieumau_lines(void) { return LINES; }
static inline int kieumau_cols(void) { return COLS; }
static inline int kieumau_colors(void) { return COLORS; }
static inline int kieumau_color_pairs(void) { return COLOR_PAIRS; }
static inline int kieumau_escdelay(void) { return ESCDELAY; }

/// newterm on the process's own stdout/stdin (the FILE globals are not usable from Swift 6).
static inline SCREEN *kieumau_newterm(const char *term) { return newterm(term, stdout, stdin); }

/// True when the current locale's character set is UTF-8 (after setlocale).
static inline int kieumau_locale_is_utf8(void) {
    const char *cs = nl_langinfo(CODESET);
    return cs != NULL && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0);
}

// ---- Macros Swift cannot import --------------------------------------------------------------

static inline attr_t kieumau_attr_bold(void) { return WA_BOLD; }
static inline attr_t kieumau_attr_dim(void) { return WA_DIM; }
static inline attr_t kieumau_attr_underline(void) { return WA_UNDERLINE; }
static inline attr_t kieumau_attr_reverse(void) { return WA_REVERSE; }
static inline attr_t kieumau_attr_normal(void) { return WA_NORMAL; }

static inline int kieumau_key_f0(void) { return KEY_F0; }

static inline mmask_t kieumau_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t kieumau_button1_double_clicked(void) { return BUTTON1_DOUBLE_CLICKED; }
static inline mmask_t kieumau_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t kieumau_button5_pressed(void) { return BUTTON5_PRESSED; }

/// One cell: wide text (NUL-terminated, at most CCHARW_MAX characters), attributes and an
/// extended colour pair (pairs above 32767 need the `opts` pointer), drawn at (y, x).
static inline int kieumau_put_cell(int y, int x, const wchar_t *text, attr_t attrs, int pair) {
    cchar_t cc;
    int p = pair;
    if (setcchar(&cc, text, attrs, 0, &p) != OK) return ERR;
    return mvadd_wch(y, x, &cc);
}

// A run of one-column characters in one style: one call instead of one `setcchar` + `mvadd_wch`
// a cell (most cells of a frame). The window's own attributes are set for the run and put back to
// normal after it, since `wadd_wch` combines them with each cell's.
static inline int kieumau_put_run(int y, int x, const wchar_t *text, int n, attr_t attrs, int pair) {
    int p = pair, zero = 0;
    wattr_set(stdscr, attrs, 0, &p);
    int result = mvaddnwstr(y, x, text, n);
    wattr_set(stdscr, A_NORMAL, 0, &zero);
    return result;
}

static inline int kieumau_ccharw_max(void) { return CCHARW_MAX; }

// ---- Signals ----------------------------------------------------------------------------------
// Handlers must be async-signal-safe: they only write one byte to a pipe (and, for fatal
// signals, put the tty back with tcsetattr + write). The state below is `static`, so each
// Swift object file that calls these functions gets its own copy: call them from ONE Swift
// file only (Terminal/SignalRelay.swift).

// One struct with an initialiser: Swift's importer drops uninitialised (tentative) statics.
static struct {
    int pipe_fd;
    int have_saved_termios;
    size_t reset_length;
    struct sigaction previous_winch;
    struct termios saved_termios;
    char reset_sequence[256];
    struct sigaction previous_fatal[32];
} kieumau_signal_state = { -1 };
#define kieumau_signal_pipe_fd kieumau_signal_state.pipe_fd
#define kieumau_previous_winch kieumau_signal_state.previous_winch
#define kieumau_saved_termios kieumau_signal_state.saved_termios
#define kieumau_have_saved_termios kieumau_signal_state.have_saved_termios
#define kieumau_reset_sequence kieumau_signal_state.reset_sequence
#define kieumau_reset_length kieumau_signal_state.reset_length
#define kieumau_previous_fatal kieumau_signal_state.previous_fatal

static void kieumau_relay_signal(int sig) {
    int saved = errno;
    unsigned char byte = (unsigned char)sig;
    if (kieumau_signal_pipe_fd >= 0) { ssize_t ignored = write(kieumau_signal_pipe_fd, &byte, 1); (void)ignored; }
    errno = saved;
}

static void kieumau_relay_winch(int sig) {
    // ncurses's own SIGWINCH handler sets the flag that makes get_wch return KEY_RESIZE.
    if (kieumau_previous_winch.sa_handler != SIG_DFL && kieumau_previous_winch.sa_handler != SIG_IGN
        && kieumau_previous_winch.sa_handler != NULL) {
        kieumau_previous_winch.sa_handler(sig);
    }
    kieumau_relay_signal(sig);
}

/// Makes SIGINT, SIGTERM and SIGHUP write their number to `fd`. Installed before curses changes
/// the tty, so one that arrives during set-up is relayed like any other instead of ending the
/// process with the tty left in curses mode.
static inline int kieumau_install_relay(int fd) {
    kieumau_signal_pipe_fd = fd;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sigemptyset(&sa.sa_mask);
    sa.sa_handler = kieumau_relay_signal;
    if (sigaction(SIGINT, &sa, NULL) != 0) return -1;
    if (sigaction(SIGTERM, &sa, NULL) != 0) return -1;
    if (sigaction(SIGHUP, &sa, NULL) != 0) return -1;
    return 0;
}

/// Relays SIGWINCH too, chained to ncurses's handler: installed after newterm, which sets up its
/// own handler only where SIGWINCH still has the default action.
static inline int kieumau_install_winch_relay(void) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sigemptyset(&sa.sa_mask);
    sa.sa_handler = kieumau_relay_winch;
    return sigaction(SIGWINCH, &sa, &kieumau_previous_winch);
}

/// Puts SIGINT, SIGTERM, SIGHUP back to the default.
static inline void kieumau_remove_relay(void) {
    signal(SIGINT, SIG_DFL);
    signal(SIGTERM, SIG_DFL);
    signal(SIGHUP, SIG_DFL);
    kieumau_signal_pipe_fd = -1;
}

/// Puts SIGWINCH back to ncurses's handler.
static inline void kieumau_remove_winch_relay(void) {
    sigaction(SIGWINCH, &kieumau_previous_winch, NULL);
}

/// Remembers the tty state before curses changes it, for the crash handler.
static inline void kieumau_save_termios(int fd) {
    kieumau_have_saved_termios = (tcgetattr(fd, &kieumau_saved_termios) == 0);
}

/// Bytes the crash handler writes to leave the alternate screen, show the cursor, reset colours.
static inline void kieumau_set_reset_sequence(const char *bytes, size_t length) {
    if (length > sizeof kieumau_reset_sequence) length = sizeof kieumau_reset_sequence;
    memcpy(kieumau_reset_sequence, bytes, length);
    kieumau_reset_length = length;
}

static void kieumau_fatal_restore(int sig) {
    if (kieumau_reset_length > 0) { ssize_t ignored = write(STDOUT_FILENO, kieumau_reset_sequence, kieumau_reset_length); (void)ignored; }
    if (kieumau_have_saved_termios) tcsetattr(STDIN_FILENO, TCSANOW, &kieumau_saved_termios);
    // Hand the signal on to whoever had it before (Swift's backtracer or the default action).
    if (sig > 0 && sig < 32) sigaction(sig, &kieumau_previous_fatal[sig], NULL);
    raise(sig);
}

/// On a crash (a Swift trap is SIGILL or SIGTRAP) put the tty back before the process dies.
static inline void kieumau_install_crash_restore(void) {
    const int sigs[] = { SIGILL, SIGTRAP, SIGABRT, SIGSEGV, SIGBUS, SIGFPE };
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sigemptyset(&sa.sa_mask);
    sa.sa_handler = kieumau_fatal_restore;
    for (unsigned i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
        sigaction(sigs[i], &sa, &kieumau_previous_fatal[sigs[i]]);
    }
}

static inline void kieumau_remove_crash_restore(void) {
    const int sigs[] = { SIGILL, SIGTRAP, SIGABRT, SIGSEGV, SIGBUS, SIGFPE };
    for (unsigned i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
        sigaction(sigs[i], &kieumau_previous_fatal[sigs[i]], NULL);
    }
}

#endif
