/* date.c - placeholder; see date.h. */
typedef int date_placeholder;
