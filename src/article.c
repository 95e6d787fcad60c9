/* article.c - placeholder. */
typedef int article_placeholder;
