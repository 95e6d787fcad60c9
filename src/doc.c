/* doc.c - placeholder. */
typedef int doc_placeholder;
