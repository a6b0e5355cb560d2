#ifndef CNCURSES_SHIM_H
#define CNCURSES_SHIM_H
// Wide-character ncurses: the _XOPEN_SOURCE_EXTENDED API (add_wch, get_wch, cchar_t).
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <wchar.h>
#include <ncursesw/ncurses.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <sys/ioctl.h>

// Function-like macros and macro constants do not import into Swift: expose them as inline functions.
static inline attr_t cn_attr_bold(void) { return A_BOLD; }
static inline attr_t cn_attr_reverse(void) { return A_REVERSE; }
static inline attr_t cn_attr_underline(void) { return A_UNDERLINE; }
static inline attr_t cn_attr_dim(void) { return A_DIM; }
static inline attr_t cn_attr_normal(void) { return A_NORMAL; }
static inline int cn_key_resize(void) { return KEY_RESIZE; }
static inline int cn_key_code_yes(void) { return KEY_CODE_YES; }
static inline int cn_err(void) { return ERR; }
static inline int cn_colors(void) { return COLORS; }
static inline int cn_color_pairs(void) { return COLOR_PAIRS; }
static inline int cn_lines(void) { return LINES; }
static inline int cn_cols(void) { return COLS; }
static inline WINDOW *cn_stdscr(void) { return stdscr; }

// Writes one grapheme cluster (base + up to CCHARW_MAX-1 combining scalars) at (y, x) with attributes and a color pair.
static inline int cn_put_cluster(int y, int x, const wchar_t *chars, attr_t attrs, short pair) {
    cchar_t cell;
    if (setcchar(&cell, chars, attrs, pair, NULL) != OK) return ERR;
    return mvadd_wch(y, x, &cell);
}

static inline int cn_get_wch(wint_t *out) { return get_wch(out); }
// From term.h, which is not included: its macros (lines, columns, …) would shadow ordinary names.
extern int setupterm(const char *term, int filedes, int *errret);

// Whether the terminal named by TERM can address the cursor (terminfo `cup`): without it (TERM=dumb, a printing
// terminal) a full-screen program can only print garbage. 1 yes, 0 no, -1 TERM unknown. Touches no screen.
static inline int cn_term_can_address_cursor(void) {
    int status = 0;
    if (setupterm(NULL, STDOUT_FILENO, &status) != OK) return -1;
    const char *cup = tigetstr("cup");
    return (cup != NULL && cup != (const char *)-1) ? 1 : 0;
}

// newterm on the process's own stdout/stdin (Swift cannot read C's `stdout` global under strict concurrency).
// Unlike initscr, newterm returns NULL instead of exiting when the terminal is unusable.
static inline SCREEN *cn_newterm(void) { return newterm(NULL, stdout, stdin); }

// Last-resort terminal restore for signals ncurses does not handle itself (it handles SIGINT and SIGTERM):
// SIGHUP and crashes. Only async-signal-safe calls: tcsetattr and write. The saved state lives here, used from
// one Swift file only (NcursesTerminal.swift), so there is one copy of it.
// Storage as function-local statics: Swift's importer emits inline functions it calls, not file-scope statics.
static inline struct termios *cn_saved_termios_storage(void) { static struct termios value; return &value; }
static inline int *cn_saved_termios_valid(void) { static int value = 0; return &value; }
static inline struct sigaction *cn_previous_actions(void) { static struct sigaction value[32]; return value; }

static inline void cn_emergency_restore(void) {
    static const char reset[] = "\033[0m\033[?25h\033[?1l\033>\033[?1006l\033[?1000l\033[?1049l\r\n";
    if (*cn_saved_termios_valid()) tcsetattr(STDIN_FILENO, TCSANOW, cn_saved_termios_storage());
    ssize_t ignored = write(STDOUT_FILENO, reset, sizeof(reset) - 1);
    (void)ignored;
}

static inline void cn_signal_handler(int sig) {
    cn_emergency_restore();
    // Hand the signal to whoever had it before (default action: terminate or dump core).
    if (sig > 0 && sig < 32) sigaction(sig, &cn_previous_actions()[sig], NULL);
    raise(sig);
}

static inline void cn_install_restore_handlers(void) {
    if (tcgetattr(STDIN_FILENO, cn_saved_termios_storage()) == 0) *cn_saved_termios_valid() = 1;
    int signals[] = { SIGHUP, SIGQUIT, SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE };
    for (unsigned i = 0; i < sizeof(signals) / sizeof(signals[0]); i++) {
        struct sigaction action;
        memset(&action, 0, sizeof(action));
        action.sa_handler = cn_signal_handler;
        sigemptyset(&action.sa_mask);
        action.sa_flags = SA_RESETHAND;
        sigaction(signals[i], &action, &cn_previous_actions()[signals[i]]);
    }
}

static inline void cn_remove_restore_handlers(void) {
    int signals[] = { SIGHUP, SIGQUIT, SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE };
    for (unsigned i = 0; i < sizeof(signals) / sizeof(signals[0]); i++) {
        sigaction(signals[i], &cn_previous_actions()[signals[i]], NULL);
    }
}

// Writes raw bytes (OSC 52) straight to the terminal after ncurses has flushed.
static inline void cn_write_raw(const char *bytes, size_t count) {
    while (count > 0) {
        ssize_t written = write(STDOUT_FILENO, bytes, count);
        if (written <= 0) return;
        bytes += written;
        count -= (size_t)written;
    }
}
// The key code ncurses returns for the start of an SGR mouse report ("ESC [ <"); the rest ("0;12;5M") is read
// as characters. Defined by the console, not by terminfo: tmux's and screen's entries name only the X10 form.
static inline int cn_key_sgr_mouse(void) { return KEY_MAX + 1; }
static inline int cn_define_sgr_mouse_key(void) { return define_key("\033[<", KEY_MAX + 1); }
// Resize wake-up: ncurses handles SIGWINCH itself (KEY_RESIZE on the next read). A chained handler also writes a
// byte to a pipe, so the input reader sleeping in poll(2) wakes for a resize as it does for a key. Only
// async-signal-safe calls in the handler.
static inline int *cn_resize_pipe(void) { static int fds[2] = { -1, -1 }; return fds; }
static inline struct sigaction *cn_previous_winch(void) { static struct sigaction value; return &value; }

static inline void cn_winch_handler(int sig) {
    int saved = errno;
    // ncurses' handler first: it marks the resize that the next read returns as KEY_RESIZE. Only then wake the
    // reader, or the loop could read before the mark is set and go back to sleep with the resize unseen.
    struct sigaction *previous = cn_previous_winch();
    if (previous->sa_flags & SA_SIGINFO) {
        if (previous->sa_sigaction != NULL) previous->sa_sigaction(sig, NULL, NULL);
    } else if (previous->sa_handler != SIG_DFL && previous->sa_handler != SIG_IGN) {
        previous->sa_handler(sig);
    }
    char byte = 1;
    if (cn_resize_pipe()[1] >= 0) { ssize_t ignored = write(cn_resize_pipe()[1], &byte, 1); (void)ignored; }
    errno = saved;
}

// Installs the chained handler (after newterm, so ncurses' own is the one chained to). Returns the pipe's read
// end, or -1 when no pipe could be made (a resize is then seen with the next key).
static inline int cn_watch_resize(void) {
    int *fds = cn_resize_pipe();
    if (fds[0] >= 0) return fds[0];
    if (pipe(fds) != 0) { fds[0] = fds[1] = -1; return -1; }
    for (int i = 0; i < 2; i++) {
        fcntl(fds[i], F_SETFL, fcntl(fds[i], F_GETFL) | O_NONBLOCK);
        fcntl(fds[i], F_SETFD, FD_CLOEXEC);
    }
    struct sigaction action;
    memset(&action, 0, sizeof(action));
    action.sa_handler = cn_winch_handler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGWINCH, &action, cn_previous_winch());
    return fds[0];
}

/* Ctrl-Z (raw mode makes it a key, not a signal): gives the terminal back, stops the process with SIGTSTP's
   default action (the shell sees a stopped job), and on SIGCONT (`fg`) takes the terminal again. Returns when the
   process runs again. */
static inline void cn_suspend_to_shell(void) {
    endwin();
    struct sigaction stop, previous;
    memset(&stop, 0, sizeof(stop));
    stop.sa_handler = SIG_DFL;
    sigemptyset(&stop.sa_mask);
    sigaction(SIGTSTP, &stop, &previous);
    sigset_t unblock, saved;
    sigemptyset(&unblock);
    sigaddset(&unblock, SIGTSTP);
    pthread_sigmask(SIG_UNBLOCK, &unblock, &saved);
    raise(SIGTSTP);
    /* Running again (SIGCONT). */
    pthread_sigmask(SIG_SETMASK, &saved, NULL);
    sigaction(SIGTSTP, &previous, NULL);
    /* The shell may have changed the terminal's modes: raw again, then a redraw (the caller repaints). */
    reset_prog_mode();
    struct winsize size;
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_row > 0 && size.ws_col > 0
        && (size.ws_row != LINES || size.ws_col != COLS)) {
        resizeterm(size.ws_row, size.ws_col);
    }
    refresh();
}

#endif
