/* opml.c - placeholder; see opml.h. */
typedef int opml_placeholder;
