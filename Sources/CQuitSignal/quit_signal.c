// The handler only records the signal and writes a byte to the interface's wake-up pipe (both
// async-signal-safe; the signal may land on any thread, and the byte wakes the UI thread's
// poll()). The event loop then saves the drafts, restores the terminal and exits 128+signal:
// endwin() and exit() are not safe inside a handler.
#include "quit_signal.h"

#include <errno.h>
#include <signal.h>
#include <unistd.h>

static volatile sig_atomic_t quit_signal_number = 0;
static volatile sig_atomic_t quit_wake_fd = -1;

static void quit_handler(int number) {
    int saved = errno;
    quit_signal_number = number;
    if (quit_wake_fd >= 0) {
        char byte = 1;
        ssize_t ignored = write(quit_wake_fd, &byte, 1);
        (void)ignored;
    }
    errno = saved;
}

void fora_install_quit_handlers(void) {
    struct sigaction action;
    action.sa_handler = quit_handler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;
    sigaction(SIGINT, &action, 0);
    sigaction(SIGTERM, &action, 0);
    // A lost terminal (a dropped ssh session, a closed window) quits the same way, drafts
    // saved, instead of reading a dead terminal for ever.
    sigaction(SIGHUP, &action, 0);
}

void fora_quit_wake(int fd) { quit_wake_fd = fd; }

int fora_quit_signal(void) { return quit_signal_number; }
