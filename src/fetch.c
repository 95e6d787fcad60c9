/* fetch.c - placeholder; see fetch.h. */
typedef int fetch_placeholder;
