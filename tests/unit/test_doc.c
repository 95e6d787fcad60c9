/*
 * test_doc.c - the document model's memory: a block keeps its text and
 * attributes in one allocation, through every growth and a shrink, for
 * small and large blocks; blocks move between documents (a header in
 * front of a body) in order, whichever document is the larger, with the
 * skipped ones freed.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "util.h"
#include "doc.h"

/* Code point and attribute of the i-th character a test adds. */
static uint32_t
cp_at(size_t i)
{
	return 0x0627 + (uint32_t)(i % 40);	/* Arabic letters */
}

static uint16_t
attr_at(size_t i)
{
	return (uint16_t)((i * 7) & 0x3ff);
}

static void
check_block(const struct block *b, size_t n)
{
	size_t	i;

	assert_int_equal(b->len, n);
	assert_true(b->cap >= b->len);
	/* The attributes live just past the text's room. */
	assert_ptr_equal((const void *)b->attr,
	    (const void *)(b->text + b->cap));
	for (i = 0; i < n; i++) {
		if (b->text[i] != cp_at(i) || b->attr[i] != attr_at(i))
			fail_msg("char %zu of %zu: U+%04X attr %u", i, n,
			    (unsigned)b->text[i], (unsigned)b->attr[i]);
	}
}

/* Growth past each power of two and a shrink keep every pair. */
static void
test_block_grow_shrink(void **state)
{
	static const size_t	 sizes[] = { 1, 5, 16, 17, 33, 1000, 1025,
				    5000, 70000 };
	struct block		 b;
	size_t			 s, i;

	(void)state;
	for (s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
		memset(&b, 0, sizeof b);
		for (i = 0; i < sizes[s]; i++) {
			block_add(&b, cp_at(i), attr_at(i));
			if ((i & (i + 1)) == 0 || i + 1 == sizes[s])
				check_block(&b, i + 1);
		}
		block_shrink(&b);
		assert_int_equal(b.cap, b.len);
		check_block(&b, sizes[s]);
		/* A shrunk block grows again. */
		block_add(&b, cp_at(sizes[s]), attr_at(sizes[s]));
		check_block(&b, sizes[s] + 1);
		block_clear(&b);
		assert_null(b.text);
		assert_int_equal(b.len, 0);
	}
}

/* A block is small: a document of tiny paragraphs pays for each. */
static void
test_block_size(void **state)
{
	(void)state;
	assert_true(sizeof(struct block) <= 40);
}

static struct doc *
doc_of(size_t n, uint32_t first)
{
	struct doc	*d = doc_create();
	size_t		 i;

	for (i = 0; i < n; i++)
		block_add(doc_add_block(d, BLOCK_PARA), first + (uint32_t)i,
		    0);
	return d;
}

/* Blocks of d: one code point each, from first up. */
static void
check_doc(const struct doc *d, const uint32_t *want, size_t n)
{
	size_t	i;

	assert_int_equal(d->nblocks, n);
	for (i = 0; i < n; i++) {
		assert_int_equal(d->blocks[i].len, 1);
		assert_int_equal(d->blocks[i].text[0], want[i]);
	}
}

static void
test_move_blocks(void **state)
{
	static const struct {
		size_t	nd, nfrom, skip;
	} cases[] = {
		{ 3, 1000, 0 },		/* header before a long body */
		{ 3, 1000, 1 },		/* the body's title dropped */
		{ 0, 50, 0 },
		{ 1000, 3, 0 },		/* the body is the smaller */
		{ 1000, 3, 2 },
		{ 5, 5, 5 },		/* everything skipped */
		{ 2, 40, 30 },		/* more skipped than d holds */
	};
	struct doc	*d, *from;
	uint32_t	*want;
	size_t		 c, i, n;

	(void)state;
	for (c = 0; c < sizeof cases / sizeof cases[0]; c++) {
		d = doc_of(cases[c].nd, 0x10000);
		from = doc_of(cases[c].nfrom, 0x20000);
		n = cases[c].nd + cases[c].nfrom - cases[c].skip;
		want = xreallocarray(NULL, n + 1, sizeof *want);
		for (i = 0; i < cases[c].nd; i++)
			want[i] = 0x10000 + (uint32_t)i;
		for (i = cases[c].skip; i < cases[c].nfrom; i++)
			want[cases[c].nd + i - cases[c].skip] = 0x20000 +
			    (uint32_t)i;
		doc_move_blocks(d, from, cases[c].skip);
		assert_int_equal(from->nblocks, 0);
		check_doc(d, want, n);
		/* Both documents go on working. */
		block_add(doc_add_block(d, BLOCK_PARA), 0x30000, 0);
		block_add(doc_add_block(from, BLOCK_PARA), 0x30001, 0);
		want[n] = 0x30000;
		check_doc(d, want, n + 1);
		assert_int_equal(from->blocks[0].text[0], 0x30001);
		doc_free(from);
		doc_free(d);
		free(want);
	}
}

int
main(void)
{
	const struct CMUnitTest	tests[] = {
		cmocka_unit_test(test_block_grow_shrink),
		cmocka_unit_test(test_block_size),
		cmocka_unit_test(test_move_blocks),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
