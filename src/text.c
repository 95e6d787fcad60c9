/* text.c - placeholder. */
typedef int text_placeholder;
