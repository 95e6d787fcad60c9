/* cells.c - placeholder. */
typedef int cells_placeholder;
