/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tests/fixtures/edge-v2, made by hand (see its NOTES): what the kernel did
 * not give is N/A with its reason, never 0; what vanished is left out. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "collectors/mounts.h"
#include "tests/unit/fixture.h"
#include "output/batch.h"
#include "output/json.h"
#include "util/xalloc.h"

#define EVIL "zz\033]0;pwned\007\033[2J"

static char tmp[] = "/tmp/headroom-edge-XXXXXX";

/* A copy of the tree with /denied/memory.current unreadable; sampled as
 * nobody when run as root (root reads anything). */
static int setup(void **state)
{
	(void)state;
	char cmd[256], file[128];
	if (!mkdtemp(tmp))
		return -1;
	snprintf(cmd, sizeof(cmd), "cp -a tests/fixtures/edge-v2/. %s/ && chmod 755 %s", tmp, tmp);
	if (system(cmd) != 0)
		return -1;
	snprintf(file, sizeof(file), "%s/sys/fs/cgroup/denied/memory.current", tmp);
	if (chmod(file, 0) != 0)
		return -1;
	snprintf(file, sizeof(file), "%s/sys/fs/cgroup/denied/cgroup.procs", tmp);
	if (chmod(file, 0) != 0)
		return -1;
	/* A cgroup whose name is a terminal escape sequence (made here rather
	 * than committed: such a file name troubles tools that list the repo). */
	snprintf(cmd, sizeof(cmd), "mkdir '%s/sys/fs/cgroup/%s' && : > '%s/sys/fs/cgroup/%s/cgroup.procs'", tmp, EVIL,
		 tmp, EVIL);
	if (system(cmd) != 0)
		return -1;
	char err[256];
	struct collector_opts o = { .root = tmp };
	col = collector_open(&o, err, sizeof(err));
	if (!col) {
		print_error("%s\n", err);
		return -1;
	}
	if (geteuid() == 0 && seteuid(65534) != 0)
		return -1;
	int rc = sample_now(col, &s);
	if (getuid() == 0 && seteuid(0) != 0)
		return -1;
	collector_details(col, &s, NULL, 0, 1);
	return rc;
}

static int teardown(void **state)
{
	char cmd[128];
	fixture_teardown(state);
	snprintf(cmd, sizeof(cmd), "rm -rf %s", tmp);
	return system(cmd) == 0 ? 0 : -1;
}

static void test_tree(void **state)
{
	(void)state;
	assert_int_equal(s.layout, LAYOUT_V2);
	/* / denied garbage missing overflow parent child grandchild unlimited
	 * EVIL; "gone" has no cgroup.procs: removed mid-walk, left out quietly. */
	assert_int_equal(s.ncg, 10);
	assert_int_equal(sample_find_cg(&s, "/gone"), -1);
	assert_string_equal(s.cgs[1].path, "/denied"); /* children sorted by name */
	const struct cg_sample *root = fixture_cg(&s, "/");
	assert_na(root->n.usage, NA_ABSENT); /* the v2 root has no memory.current */
	assert_na(root->n.limit, NA_ABSENT);
	assert_int_equal(root->n.eff_limit.st, V_UNLIMITED);
	assert_int_equal(root->n.eff_from, EFF_FROM_NONE);
}

/* unlimited: current 1048576; stat anon 524288, file 262144, kernel 131072,
 * shmem 65536, inactive_file 200000, slab_reclaimable 1000; events max 3,
 * oom_kill 1; swap.current 0. */
static void test_unlimited(void **state)
{
	(void)state;
	const struct cg_sample *c = fixture_cg(&s, "/unlimited");
	assert_non_null(c);
	assert_int_equal(c->n.limit.st, V_UNLIMITED);
	assert_int_equal(c->n.high.st, V_UNLIMITED);
	assert_int_equal(c->n.eff_limit.st, V_UNLIMITED);
	assert_val(c->n.usage, 1048576);
	assert_val(c->n.anon, 524288);
	assert_val(c->n.file, 262144 - 65536);
	assert_val(c->n.shmem, 65536);
	assert_val(c->n.kernel, 131072);
	assert_val(c->n.swap, 0);
	assert_val(c->n.working_set, 1048576 - 200000);
	assert_val(c->n.reclaimable, 262144 - 65536 + 1000);
	assert_val(c->n.oom_kills, 1);
	assert_val(c->n.limit_hits, 3);
	assert_val(c->n.min, 0);
	assert_na(c->n.soft_limit, NA_NOTAPPLY);
	assert_val(c->f[F2_PEAK], 2097152);
	assert_na(c->f[F2_ZSWAP_CURRENT], NA_ABSENT);
	assert_na(c->f[F1_USAGE], NA_NOTAPPLY);
	assert_int_equal(c->nprocs, 2); /* listed: 100 and 101 */
}

static void test_missing_garbage_overflow_denied(void **state)
{
	(void)state;
	const struct cg_sample *m = fixture_cg(&s, "/missing"), *g = fixture_cg(&s, "/garbage");
	const struct cg_sample *o = fixture_cg(&s, "/overflow"), *d = fixture_cg(&s, "/denied");
	assert_val(m->n.usage, 4096);
	assert_val(m->n.limit, 8192);
	assert_na(m->n.swap, NA_ABSENT);
	assert_na(m->n.anon, NA_ABSENT); /* the reason of the missing memory.stat */
	assert_na(m->n.oom_kills, NA_ABSENT);
	assert_na(m->n.working_set, NA_DERIVED);
	assert_na(g->n.usage, NA_GARBAGE);
	assert_na(g->n.limit, NA_GARBAGE);
	assert_na(g->n.anon, NA_GARBAGE);
	assert_na(g->n.file, NA_DERIVED); /* file 10, but shmem is absent */
	assert_na(o->n.usage, NA_OVERFLOW);
	assert_int_equal(o->n.limit.st, V_UNLIMITED);
	if (geteuid() == 0 || getuid() != 0)
		assert_na(d->n.usage, NA_DENIED);
	assert_int_equal(d->n.limit.st, V_UNLIMITED);
	/* an unreadable cgroup.procs does not make the cgroup vanish */
	assert_int_equal(d->nprocs, 0);
}

static void test_hierarchy(void **state)
{
	(void)state;
	int p = sample_find_cg(&s, "/parent"), c = sample_find_cg(&s, "/parent/child");
	int g = sample_find_cg(&s, "/parent/child/grandchild");
	assert_val(s.cgs[c].n.eff_limit, 209715200);
	assert_int_equal(s.cgs[c].n.eff_from, p);
	assert_val(s.cgs[g].n.eff_limit, 104857600);
	assert_int_equal(s.cgs[g].n.eff_from, g);
	assert_val(s.cgs[g].n.high, 52428800);
}

/* The same hierarchy seen through --cgroup: the ancestors outside the view
 * still cap it. */
static void test_view_subtree(void **state)
{
	(void)state;
	struct sample v = { 0 };
	char err[256];
	struct collector_opts o = { .root = tmp, .cgroup = "parent/child/" };
	struct collector *c = collector_open(&o, err, sizeof(err));
	assert_non_null(c);
	assert_int_equal(sample_now(c, &v), 0);
	assert_int_equal(v.ncg, 2);
	assert_string_equal(v.cgs[0].path, "/parent/child");
	assert_val(v.cgs[0].n.eff_limit, 209715200);
	assert_int_equal(v.cgs[0].n.eff_from, EFF_FROM_BASE);
	assert_string_equal(sample_eff_from_path(&v, 0), "/parent");
	assert_int_equal(v.nproc, 0);
	collector_close(c);
	sample_free(&v);
	/* one level deeper: the nearest limited ancestor (/parent/child, 500M)
	 * is not the one that applies (/parent, 200M) */
	o.cgroup = "/parent/child/grandchild";
	c = collector_open(&o, err, sizeof(err));
	assert_non_null(c);
	assert_int_equal(sample_now(c, &v), 0);
	assert_val(v.base_eff_limit, 209715200);
	assert_string_equal(v.base_eff_from, "/parent");
	assert_val(v.cgs[0].n.eff_limit, 104857600); /* its own 100M, smaller still */
	collector_close(c);
	sample_free(&v);
	o.cgroup = "/no/such/cgroup";
	assert_null(collector_open(&o, err, sizeof(err)));
	assert_non_null(strstr(err, "/no/such/cgroup"));
}

static void test_processes(void **state)
{
	(void)state;
	const struct proc_sample *p = fixture_proc(&s, 100);
	assert_non_null(p);
	assert_null(fixture_proc(&s, 101)); /* listed, but gone from /proc */
	assert_na(p->virt, NA_OVERFLOW);    /* 2^64-1 pages do not fit in bytes */
	assert_val(p->res, 5 * 4096);
	assert_val(p->shr, 3 * 4096);
	assert_string_equal(s.cgs[p->cg].path, "/unlimited");
	assert_true(p->d.ok);
	assert_val(p->d.rss_anon, 8 * 1024);
	assert_int_equal(p->d.oom_adj.v, 100);
	assert_na(p->d.pss, NA_ABSENT); /* no smaps_rollup: libproc2's 0 is not taken */
}

static void test_system(void **state)
{
	(void)state;
	assert_val(s.sys.overcommit_memory, 2);
	assert_val(s.sys.overcommit_ratio, 80);
	assert_val(s.sys.pgscan, 15); /* kswapd 10 + direct 5 */
	assert_na(s.sys.vm[VM_PGSTEAL_DIRECT], NA_GARBAGE);
	assert_na(s.sys.pgsteal, NA_DERIVED);
	assert_val(s.sys.refault, 3); /* anon 1 + file 2 */
	assert_na(s.sys.vm[VM_OOM_KILL], NA_ABSENT);
	assert_false(s.sys.psi.some.ok);
	assert_int_equal(s.sys.psi.why, NA_ABSENT);
}

/* No escape sequence from a name reaches the output. */
static void test_output_inert(void **state)
{
	(void)state;
	char *text = NULL, *json = NULL;
	size_t tn = 0, jn = 0;
	FILE *f = open_memstream(&text, &tn);
	batch_print(f, &s, NULL);
	fclose(f);
	f = open_memstream(&json, &jn);
	json_print(f, &s, NULL);
	fclose(f);
	assert_null(memchr(text, '\033', tn));
	assert_null(memchr(text, '\007', tn));
	assert_non_null(strstr(text, "zz?]0;pwned??[2J"));
	/* pid 100's cmdline "edge\0--title\0ESC]0;pwned BEL", made inert (ESC
	 * and BEL each one '?', or libproc2's '.' for them, depending on locale) */
	const char *cmd = strstr(text, " edge --title ");
	assert_non_null(cmd);
	cmd += strlen(" edge --title ");
	assert_true(strchr("?.", cmd[0]) && strncmp(cmd + 1, "]0;pwned", 8) == 0 && strchr("?.", cmd[9]));
	assert_int_equal(cmd[10], '\n');
	assert_null(memchr(json, '\033', jn));
	assert_null(memchr(json, '\007', jn));
	assert_non_null(strstr(json, "\"/zz\\u001b]0;pwned\\u0007\\u001b[2J\""));
	assert_non_null(strstr(json, "\"virt\":null"));
	assert_non_null(strstr(json, "\"virt\":\"number out of range\""));
	assert_non_null(strstr(json, "\"limit\":\"max\""));
	/* no proc/pressure/memory in this tree: null, and the reason */
	assert_non_null(strstr(json, "\"pressure\":null"));
	assert_non_null(strstr(json, "\"pressure\":\"no such file or key\""));
	free(text);
	free(json);
}

/* A name longer than the batch table's CGROUP column is cut from the
 * left, as the process table cuts paths: the leaf's end stays. */
static void test_batch_keeps_leaf(void **state)
{
	(void)state;
	struct sample t = { .version = 2, .base_eff_limit = val_unlimited() };
	const char *paths[] = { "/", "/docker-0123456789abcdef0123456789abcdef0123456789.scope" };
	for (int i = 0; i < 2; i++) {
		struct cg_sample *c = sample_add_cg(&t);
		c->path = xstrdup(paths[i]);
		c->name = strrchr(c->path, '/') + (i ? 1 : 0);
		c->parent = i - 1;
		c->depth = i;
		for (int k = 0; k < CG_NFILES; k++)
			c->f[k] = val_na(NA_ABSENT);
	}
	model_update(NULL, &t);
	char *text = fixture_batch_text(&t);
	/* 32 columns: 2 of indent, "...", the last 27 characters */
	assert_non_null(strstr(text, "\n  ...56789abcdef0123456789.scope "));
	free(text);
	sample_free(&t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tree),
		cmocka_unit_test(test_batch_keeps_leaf),
		cmocka_unit_test(test_unlimited),
		cmocka_unit_test(test_missing_garbage_overflow_denied),
		cmocka_unit_test(test_hierarchy),
		cmocka_unit_test(test_view_subtree),
		cmocka_unit_test(test_processes),
		cmocka_unit_test(test_system),
		cmocka_unit_test(test_output_inert),
	};
	return cmocka_run_group_tests_name("fixture edge-v2", tests, setup, teardown);
}
