/* render.c - placeholder. */
typedef int render_placeholder;
