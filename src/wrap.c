/* wrap.c - placeholder. */
typedef int wrap_placeholder;
