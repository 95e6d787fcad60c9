/* feed.c - placeholder; see feed.h. */
typedef int feed_placeholder;
