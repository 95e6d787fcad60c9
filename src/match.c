/* match.c - placeholder. */
typedef int match_placeholder;
