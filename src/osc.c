/*
 * osc.c - builds the OSC sequences akhbar sends (osc.h). Text from feeds
 * goes through utf8_sanitize() first, so no ESC, BEL, C0 or C1 character
 * of it can end a sequence early or start one of its own; URIs are
 * percent-encoded to printable ASCII; clipboard text is base64. Sizes are
 * bytes.
 */
#include <stdlib.h>
#include <string.h>

#include "util.h"
#include "utf8.h"
#include "osc.h"

char *
osc_base64(const unsigned char *d, size_t n)
{
	static const char	 tab[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
				    "abcdefghijklmnopqrstuvwxyz0123456789+/";
	char			*out = xmalloc((n + 2) / 3 * 4 + 1), *o = out;
	size_t			 i;
	unsigned		 v;

	for (i = 0; i + 2 < n; i += 3) {
		v = (unsigned)d[i] << 16 | (unsigned)d[i + 1] << 8 | d[i + 2];
		*o++ = tab[v >> 18 & 63];
		*o++ = tab[v >> 12 & 63];
		*o++ = tab[v >> 6 & 63];
		*o++ = tab[v & 63];
	}
	if (i < n) {
		v = (unsigned)d[i] << 16 | (i + 1 < n ? (unsigned)d[i + 1] << 8 :
		    0);
		*o++ = tab[v >> 18 & 63];
		*o++ = tab[v >> 12 & 63];
		*o++ = i + 1 < n ? tab[v >> 6 & 63] : '=';
		*o++ = '=';
	}
	*o = '\0';
	return out;
}

/* Sanitize text line by line, keeping the newlines (a copied article
 * keeps its paragraphs). */
static void
sanitize_lines(const char *s, struct buf *b)
{
	const char	*nl;
	char		*line;
	size_t		 len;

	for (;;) {
		nl = strchr(s, '\n');
		len = nl != NULL ? (size_t)(nl - s) : strlen(s);
		line = utf8_sanitize(s, len, 0);
		buf_puts(b, line);
		free(line);
		if (nl == NULL)
			break;
		buf_putc(b, '\n');
		s = nl + 1;
	}
}

char *
osc_52(const char *text, int *cut)
{
	struct buf	 b = { 0 };
	char		*b64, *out;
	size_t		 n;

	sanitize_lines(text, &b);
	n = b.len;
	if (cut != NULL)
		*cut = n > OSC_52_MAX;
	if (n > OSC_52_MAX) {
		/* Back to the start of a character. */
		n = OSC_52_MAX;
		while (n > 0 && ((unsigned char)b.data[n] & 0xc0) == 0x80)
			n--;
	}
	b64 = osc_base64((const unsigned char *)(b.data != NULL ? b.data :
	    ""), n);
	out = xasprintf("\033]52;c;%s" OSC_ST, b64);
	free(b64);
	buf_free(&b);
	return out;
}

char *
osc_8_open(const char *uri, const char *id)
{
	struct buf	 b = { 0 };
	const char	*p;
	unsigned char	 c;

	buf_puts(&b, "\033]8;");
	if (id != NULL && *id != '\0') {
		buf_puts(&b, "id=");
		for (p = id; *p != '\0'; p++)
			if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' &&
			    *p <= 'Z') || (*p >= '0' && *p <= '9') ||
			    *p == '-' || *p == '_' || *p == '.')
				buf_putc(&b, *p);
	}
	buf_putc(&b, ';');
	for (p = uri; *p != '\0'; p++) {
		c = (unsigned char)*p;
		if (c >= 0x21 && c <= 0x7e)
			buf_putc(&b, c);
		else
			buf_printf(&b, "%%%02X", c);
	}
	buf_puts(&b, OSC_ST);
	return b.data;
}

const char *
osc_8_close(void)
{
	return "\033]8;;" OSC_ST;
}

char *
osc_9(const char *body)
{
	char	*s = utf8_sanitize(body, strlen(body), UTF8_FOLD_SPACE |
		    UTF8_SQUEEZE), *out;

	out = xasprintf("\033]9;%s" OSC_ST, s);
	free(s);
	return out;
}

char *
osc_777(const char *title, const char *body)
{
	char	*t = utf8_sanitize(title, strlen(title), UTF8_FOLD_SPACE |
		    UTF8_SQUEEZE), *s, *out, *p;

	s = utf8_sanitize(body, strlen(body), UTF8_FOLD_SPACE | UTF8_SQUEEZE);
	/* The title ends at the first ';'; the body may have them. */
	for (p = t; *p != '\0'; p++)
		if (*p == ';')
			*p = ',';
	out = xasprintf("\033]777;notify;%s;%s" OSC_ST, t, s);
	free(t);
	free(s);
	return out;
}

/* TERM values whose terminals print an OSC they do not know, or stop
 * at it (also with a "-suffix": vt100-am, linux-16color). GNU screen
 * (TERM screen*) is one unless it is tmux's pane (TMUX set), which
 * handles OSC 8 or drops it. */
static const char *const no_osc_terms[] = { "linux", "vt52", "vt100",
	"vt102", "vt220", "vt320", "dumb", "cons25", "ansi", "sun", "wsvt25",
	"screen", "eterm", "emacs", NULL };

int
osc_term_hyperlinks(const char *term, int in_tmux)
{
	size_t	i, n;

	if (term == NULL || *term == '\0')
		return 0;
	if (in_tmux && strncmp(term, "screen", 6) == 0)
		return 1;
	for (i = 0; no_osc_terms[i] != NULL; i++) {
		n = strlen(no_osc_terms[i]);
		if (strncmp(term, no_osc_terms[i], n) == 0 &&
		    (term[n] == '\0' || term[n] == '-' || term[n] == '.'))
			return 0;
	}
	return 1;
}
