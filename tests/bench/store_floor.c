/*
 * store_floor: what storing one cold refresh costs the SQLite library
 * alone, without fetching, parsing or making index terms: a floor under
 * `akhbar --refresh`'s CPU time (bench_refresh.sh). Reads the store a
 * cold refresh made (SRC), makes a new store (DST) with SRC's schema and
 * feeds, then times in CPU seconds (getrusage):
 *   rows   every article and body inserted through the schema's indexes
 *          and triggers, a transaction a feed (as the refresh commits);
 *   index  the index rows of those articles, with akhbar's own terms
 *          (search_terms(), made beforehand, not timed), in one
 *          transaction (as the refresh writes them, batched).
 * Prints "rows CPU index CPU terms-bytes terms-tokens".
 *
 * Usage: store_floor SRC.db DST.db
 */
#include <sys/resource.h>

#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "search.h"
#include "store_int.h"

static double
cpu_now(void)
{
	struct rusage	ru;

	getrusage(RUSAGE_SELF, &ru);
	return ru.ru_utime.tv_sec + ru.ru_stime.tv_sec +
	    (ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

static void
die(sqlite3 *db, const char *what)
{
	fprintf(stderr, "store_floor: %s: %s\n", what, sqlite3_errmsg(db));
	exit(1);
}

static void
run(sqlite3 *db, const char *sql)
{
	if (sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK)
		die(db, sql);
}

static sqlite3_stmt *
prep(sqlite3 *db, const char *sql)
{
	sqlite3_stmt	*s;

	if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK)
		die(db, sql);
	return s;
}

/* DST gets SRC's tables, indexes and triggers (not the index's shadow
 * tables: the virtual table makes them) and its feeds. */
static void
copy_schema(sqlite3 *dst, const char *src_path)
{
	sqlite3_stmt	*s;
	char		*sql;

	run(dst, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL");
	sql = sqlite3_mprintf("ATTACH %Q AS src", src_path);
	run(dst, sql);
	sqlite3_free(sql);
	s = prep(dst, "SELECT sql FROM src.sqlite_master WHERE sql NOT NULL "
	    "AND name NOT IN ('article_fts_data', 'article_fts_idx', "
	    "'article_fts_docsize', 'article_fts_config') "
	    "AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
	    "ORDER BY type = 'trigger', type = 'index'");
	while (sqlite3_step(s) == SQLITE_ROW)
		run(dst, (const char *)sqlite3_column_text(s, 0));
	sqlite3_finalize(s);
	run(dst, "INSERT INTO feeds SELECT * FROM src.feeds");
}

int
main(int argc, char **argv)
{
	sqlite3		*db;
	sqlite3_stmt	*art, *body, *q, *fts;
	char		**terms;
	int64_t		*ids, feed = -1;
	size_t		 n = 0, cap = 1024, i, bytes = 0, tokens = 0;
	double		 t0, rows, index;
	const char	*p;
	char		*text;

	if (argc != 3) {
		fprintf(stderr, "usage: store_floor SRC.db DST.db\n");
		return 2;
	}
	if (sqlite3_open(argv[2], &db) != SQLITE_OK)
		die(db, argv[2]);
	sqlite3_create_function_v2(db, "akhbar_fts_terms", -1, SQLITE_UTF8,
	    NULL, store_fts_terms_fn, NULL, NULL, NULL);
	copy_schema(db, argv[1]);
	ids = malloc(cap * sizeof *ids);
	terms = malloc(cap * sizeof *terms);

	/* rows, in SRC's order, a transaction a feed */
	q = prep(db, "SELECT a.id, a.feed_id, a.title, b.content, "
	    "b.content_html FROM src.articles a JOIN src.bodies b ON "
	    "b.article_id = a.id ORDER BY a.id");
	art = prep(db, "INSERT INTO articles SELECT * FROM src.articles "
	    "WHERE id = ?1");
	body = prep(db, "INSERT INTO bodies SELECT * FROM src.bodies "
	    "WHERE article_id = ?1");
	/* the terms first, untimed */
	while (sqlite3_step(q) == SQLITE_ROW) {
		if (n == cap) {
			cap *= 2;
			ids = realloc(ids, cap * sizeof *ids);
			terms = realloc(terms, cap * sizeof *terms);
		}
		ids[n] = sqlite3_column_int64(q, 0);
		text = search_article_text((const char *)
		    sqlite3_column_text(q, 3), sqlite3_column_int(q, 4), NULL);
		terms[n] = search_terms((const char *)
		    sqlite3_column_text(q, 2), text);
		free(text);
		bytes += strlen(terms[n]);
		for (p = terms[n]; *p != '\0'; p++)
			tokens += *p == ' ';
		tokens += *terms[n] != '\0';
		n++;
	}
	sqlite3_reset(q);
	t0 = cpu_now();
	while (sqlite3_step(q) == SQLITE_ROW) {
		if (sqlite3_column_int64(q, 1) != feed) {
			if (feed != -1)
				run(db, "COMMIT");
			run(db, "BEGIN IMMEDIATE");
			feed = sqlite3_column_int64(q, 1);
		}
		sqlite3_bind_int64(art, 1, sqlite3_column_int64(q, 0));
		sqlite3_bind_int64(body, 1, sqlite3_column_int64(q, 0));
		if (sqlite3_step(art) != SQLITE_DONE ||
		    sqlite3_step(body) != SQLITE_DONE)
			die(db, "insert");
		sqlite3_reset(art);
		sqlite3_reset(body);
	}
	if (feed != -1)
		run(db, "COMMIT");
	rows = cpu_now() - t0;

	fts = prep(db, "INSERT INTO article_fts(rowid, terms) VALUES "
	    "(?1, ?2)");
	t0 = cpu_now();
	run(db, "BEGIN IMMEDIATE");
	for (i = 0; i < n; i++) {
		sqlite3_bind_int64(fts, 1, ids[i]);
		sqlite3_bind_text(fts, 2, terms[i], -1, SQLITE_STATIC);
		if (sqlite3_step(fts) != SQLITE_DONE)
			die(db, "index");
		sqlite3_reset(fts);
	}
	run(db, "COMMIT");
	index = cpu_now() - t0;
	printf("%.3f %.3f %zu %zu\n", rows, index, bytes, tokens);
	for (i = 0; i < n; i++)
		free(terms[i]);
	free(terms);
	free(ids);
	sqlite3_finalize(q);
	sqlite3_finalize(art);
	sqlite3_finalize(body);
	sqlite3_finalize(fts);
	sqlite3_close(db);
	return 0;
}
