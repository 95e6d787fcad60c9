/* dump.c - placeholder. */
typedef int dump_placeholder;
