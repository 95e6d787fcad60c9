/* theme.c - placeholder. */
typedef int theme_placeholder;
