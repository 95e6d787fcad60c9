/*
 * osc.h - the operating system commands akhbar writes to the terminal,
 * built here and only here, always from sanitized text (utf8_sanitize())
 * and ended by ST (ESC \): OSC 52 (copy to the clipboard, which reaches
 * the local clipboard through SSH and tmux), OSC 8 (hyperlinks), OSC 9
 * and OSC 777 (desktop notifications). No curses; the TUI writes the
 * strings as they are.
 */
#ifndef AKHBAR_OSC_H
#define AKHBAR_OSC_H

#include <stddef.h>

/* The most text OSC 52 carries (bytes of UTF-8 before base64): terminals
 * and tmux drop longer ones (xterm's default limit is near this). */
#define OSC_52_MAX	(100 * 1024)

/* The string terminator every sequence here ends with. */
#define OSC_ST		"\033\\"

/*
 * OSC 52 setting the clipboard to text: each line sanitized (newlines
 * kept), cut at OSC_52_MAX bytes on a character boundary, base64.
 * *cut (may be NULL) is set when the text was cut. Caller frees.
 */
char	*osc_52(const char *text, int *cut);
/*
 * OSC 8 opening a hyperlink to uri with id (may be NULL; only [A-Za-z0-9
 * -_.] of it are kept): bytes outside printable ASCII 0x21-0x7E are
 * percent-encoded, so nothing of the URI can end the sequence. Caller
 * frees.
 */
char	*osc_8_open(const char *uri, const char *id);
/* OSC 8 closing a hyperlink (a static string). */
const char *osc_8_close(void);
/* OSC 9 notification with body (sanitized, one line). Caller frees. */
char	*osc_9(const char *body);
/* OSC 777 notification (urxvt, foot, wezterm...): title and body
 * sanitized to one line each, ';' in the title made ','. Caller frees. */
char	*osc_777(const char *title, const char *body);
/* Non-zero when a terminal of type term (in_tmux: inside tmux) may be
 * sent OSC 8: off for the consoles and old terminals that print an OSC
 * they do not know (linux, vt100, vt220, GNU screen...). */
int	 osc_term_hyperlinks(const char *term, int in_tmux);
/* Standard base64 of data[0..n), NUL-terminated. Caller frees. */
char	*osc_base64(const unsigned char *data, size_t n);

#endif
