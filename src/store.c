/* store.c - placeholder; see store.h. */
typedef int store_placeholder;
