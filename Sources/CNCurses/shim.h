#ifndef NNX_CNCURSES_SHIM_H
#define NNX_CNCURSES_SHIM_H
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <langinfo.h>
#include <stdio.h>
// The wide-character curses: Debian and Ubuntu put its headers under ncursesw/; macOS (Apple's ncurses, or
// Homebrew's) and other Linux systems have them as curses.h, wide when _XOPEN_SOURCE_EXTENDED is defined.
#if !defined(__APPLE__) && __has_include(<ncursesw/curses.h>)
#include <ncursesw/curses.h>
#include <ncursesw/term.h>
#else
#include <curses.h>
#include <term.h>
#endif

// Accessors for what Swift cannot import from curses.h: macros with arguments or casts, and mutable globals
// (which Swift 6 rejects as "not concurrency-safe").

static inline WINDOW *nnx_stdscr(void) { return stdscr; }
static inline int nnx_colors(void) { return COLORS; }
static inline int nnx_color_pairs(void) { return COLOR_PAIRS; }
static inline FILE *nnx_stdout(void) { return stdout; }
static inline FILE *nnx_stdin(void) { return stdin; }

static inline attr_t nnx_a_normal(void) { return A_NORMAL; }
static inline attr_t nnx_a_bold(void) { return A_BOLD; }
static inline attr_t nnx_a_dim(void) { return A_DIM; }
static inline attr_t nnx_a_reverse(void) { return A_REVERSE; }
static inline attr_t nnx_a_underline(void) { return A_UNDERLINE; }

static inline mmask_t nnx_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t nnx_button2_pressed(void) { return BUTTON2_PRESSED; }
static inline mmask_t nnx_button3_pressed(void) { return BUTTON3_PRESSED; }
static inline mmask_t nnx_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t nnx_button2_clicked(void) { return BUTTON2_CLICKED; }
static inline mmask_t nnx_button3_clicked(void) { return BUTTON3_CLICKED; }
static inline mmask_t nnx_buttons_released(void) { return BUTTON1_RELEASED | BUTTON2_RELEASED | BUTTON3_RELEASED; }
static inline mmask_t nnx_report_mouse_position(void) { return REPORT_MOUSE_POSITION; }

/// `tigetstr` returns NULL (capability absent) or (char *)-1 (not a string capability): both mean "missing".
static inline int nnx_has_string_capability(const char *name) {
    const char *value = tigetstr(name);
    return value != NULL && value != (const char *)-1;
}
#endif
