// Quitting on SIGINT/SIGTERM/SIGHUP. Only declarations here: the handler lives in
// quit_signal.c so no Swift module imports <signal.h> through this header.
#ifndef FORA_QUIT_SIGNAL_H
#define FORA_QUIT_SIGNAL_H

/// Installs the handler for SIGINT, SIGTERM and SIGHUP.
void fora_install_quit_handlers(void);
/// A signal also writes one byte to `fd` (the interface's wake-up pipe).
void fora_quit_wake(int fd);
/// The signal received, 0 when none.
int fora_quit_signal(void);

#endif
