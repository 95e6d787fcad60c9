/* bidi.c - placeholder. */
typedef int bidi_placeholder;
