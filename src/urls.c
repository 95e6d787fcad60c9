/* urls.c - placeholder; see urls.h. */
typedef int urls_placeholder;
