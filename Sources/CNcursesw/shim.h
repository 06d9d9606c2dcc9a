// The parts of ncursesw that Swift cannot import on its own: macros, variadic calls and
// mutable C globals, each turned into a small typed inline function. Nothing else lives here.
#ifndef FORA_CNCURSESW_SHIM_H
#define FORA_CNCURSESW_SHIM_H

// SwiftPM drops pkg-config's -D_XOPEN_SOURCE=600; without a wide-character switch curses.h
// hides cchar_t, wadd_wch, wget_wch and friends. wcwidth needs _XOPEN_SOURCE from wchar.h.
#ifndef _XOPEN_SOURCE
#define _XOPEN_SOURCE 700
#endif
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <wchar.h>
#include <curses.h>
#include <stdint.h>

// term.h's setupterm, declared alone: term.h's capability macros (`lines`, `columns`…) would
// leak into every file that sees this header. Loads `term`'s entry without starting curses,
// so tigetflag can read it before fora picks the entry to start with; 1 when it loaded.
extern int setupterm(const char *term, int fd, int *status);
static inline int fora_load_terminfo(const char *term) {
    int status = 0;
    return setupterm(term, 1, &status) == 0 && status == 1;
}

// Mutable globals (errors in Swift 6 mode when imported directly).
static inline WINDOW *fora_stdscr(void) { return stdscr; }
static inline int fora_lines(void) { return LINES; }
static inline int fora_cols(void) { return COLS; }
static inline int fora_colors(void) { return COLORS; }
static inline int fora_color_pairs(void) { return COLOR_PAIRS; }

// Function-like macros.
static inline int fora_getmaxy(WINDOW *w) { return getmaxy(w); }
static inline int fora_getmaxx(WINDOW *w) { return getmaxx(w); }
static inline int fora_getcury(WINDOW *w) { return getcury(w); }
static inline int fora_getcurx(WINDOW *w) { return getcurx(w); }
static inline attr_t fora_color_pair(int n) { return (attr_t)COLOR_PAIR(n); }
static inline int fora_key_f(int n) { return KEY_F(n); }

// Attribute constants.
static inline attr_t fora_a_normal(void) { return A_NORMAL; }
static inline attr_t fora_a_bold(void) { return A_BOLD; }
static inline attr_t fora_a_dim(void) { return A_DIM; }
static inline attr_t fora_a_underline(void) { return A_UNDERLINE; }
static inline attr_t fora_a_reverse(void) { return A_REVERSE; }
static inline attr_t fora_a_italic(void) { return A_ITALIC; }
static inline attr_t fora_a_standout(void) { return A_STANDOUT; }

// Key codes that are macros.
static inline int fora_key_resize(void) { return KEY_RESIZE; }
static inline int fora_key_mouse(void) { return KEY_MOUSE; }
static inline int fora_key_code_yes(void) { return KEY_CODE_YES; }

/// Writes one grapheme cluster (up to 8 wide characters: a base and its combining marks,
/// or a ZWJ sequence) at the cursor with the given attributes and colour pair.
static inline int fora_add_cluster(WINDOW *w, const wchar_t *chars, int count, attr_t attrs, short pair) {
    cchar_t cell;
    wchar_t buffer[CCHARW_MAX + 1];
    int n = count < CCHARW_MAX ? count : CCHARW_MAX;
    for (int i = 0; i < n; i++) buffer[i] = chars[i];
    buffer[n] = L'\0';
    if (setcchar(&cell, buffer, attrs, pair, NULL) != OK) return ERR;
    return wadd_wch(w, &cell);
}

/// The terminal column width of a wide character (glibc's table agrees with tmux).
static inline int fora_wcwidth(wchar_t c) { return wcwidth(c); }

/// Mouse: every button event plus motion reports.
static inline mmask_t fora_all_mouse_events(void) { return ALL_MOUSE_EVENTS | REPORT_MOUSE_POSITION; }
static inline mmask_t fora_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t fora_button5_pressed(void) { return BUTTON5_PRESSED; }
static inline mmask_t fora_button1_clicked(void) { return BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON1_RELEASED; }

#endif
