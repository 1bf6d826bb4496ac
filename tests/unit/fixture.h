/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Shared by the fixture tests: sample a fixture tree through the real
 * collector, as `headroom --root DIR` does, and look figures up. */
#ifndef HEADROOM_TEST_FIXTURE_H
#define HEADROOM_TEST_FIXTURE_H

#include <stdio.h>
#include <string.h>

#include "collectors/collector.h"
#include "model/model.h"
#include "output/batch.h"
#include "collectors/sample.h"

/* Assert a figure is available and equal to a value worked out by hand. */
#define assert_val(x, expect)                                                                                          \
	do {                                                                                                           \
		val_t v_ = (x);                                                                                        \
		assert_int_equal(v_.st, V_OK);                                                                         \
		assert_true(v_.v == (uint64_t)(expect));                                                               \
	} while (0)
#define assert_na(x, reason)                                                                                           \
	do {                                                                                                           \
		val_t v_ = (x);                                                                                        \
		assert_int_equal(v_.st, V_NA);                                                                         \
		assert_int_equal(v_.why, (reason));                                                                    \
	} while (0)

/* One sample with every derived figure, as the driver takes it. */
static inline int sample_now(struct collector *c, struct sample *out)
{
	int e = collector_sample(c, out);
	if (!e)
		model_update(NULL, out);
	return e;
}

/* Take one sample of root (cgroup: NULL for all) with details and smaps. */
static inline struct collector *fixture_sample(const char *root, const char *cgroup, struct sample *s)
{
	char err[512] = "";
	struct collector_opts o = { .root = root, .cgroup = cgroup };
	struct collector *c = collector_open(&o, err, sizeof(err));
	if (!c) {
		print_error("collector_open(%s): %s\n", root, err);
		return NULL;
	}
	if (collector_warning(c))
		print_error("warning: %s\n", collector_warning(c));
	if (sample_now(c, s) != 0) {
		collector_close(c);
		return NULL;
	}
	collector_details(c, s, NULL, 0, 1);
	return c;
}

/* What batch output prints of s (no events), owned by the caller. */
static inline char *fixture_batch_text(const struct sample *s)
{
	char *text = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&text, &n);
	batch_print(f, s, NULL);
	fclose(f);
	return text;
}

static inline const struct cg_sample *fixture_cg(const struct sample *s, const char *path)
{
	int i = sample_find_cg(s, path);
	if (i < 0)
		print_error("no cgroup %s in the sample\n", path);
	return i < 0 ? NULL : &s->cgs[i];
}

static inline const struct proc_sample *fixture_proc(const struct sample *s, int pid)
{
	for (size_t i = 0; i < s->nproc; i++)
		if (s->procs[i].pid == pid)
			return &s->procs[i];
	return NULL;
}

/* One sample of a whole fixture tree, shared by a test binary's tests.
 * The system figures start as garbage (not a valid 0): one the collector
 * never writes fails assert_val. */
static struct sample s;
static struct collector *col;

#define FIXTURE_SETUP(name, root)                              \
	static int name(void **state)                          \
	{                                                      \
		(void)state;                                   \
		memset(&s.sys, 0xa5, sizeof(s.sys));           \
		col = fixture_sample(root, NULL, &s);          \
		return col ? 0 : -1;                           \
	}

static inline int fixture_teardown(void **state)
{
	(void)state;
	collector_close(col);
	sample_free(&s);
	return 0;
}

#endif
