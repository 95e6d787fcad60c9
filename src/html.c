/* html.c - placeholder. */
typedef int html_placeholder;
