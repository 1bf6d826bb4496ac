/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tests/fixtures/v1-hybrid, captured from this machine kind (cgroup v1
 * memory, hybrid layout) by tests/fixtures/make-v1-capture.sh. Each expected
 * figure is worked out by hand from the captured files. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include <cmocka.h>

#include "collectors/mounts.h"
#include "tests/unit/fixture.h"

#define ROOT "tests/fixtures/v1-hybrid"
#define BASE "/process_api/26076a03489b8c4f13d5afe78fb57212"
#define P BASE "/hr-fixture"
#define C P "/child"

FIXTURE_SETUP(setup, ROOT)

static void test_layout(void **state)
{
	(void)state;
	assert_int_equal(s.layout, LAYOUT_HYBRID);
	assert_int_equal(s.version, 1);
	/* root, process_api, BASE, hr-fixture, child: depth-first, parents first */
	assert_int_equal(s.ncg, 5);
	assert_string_equal(s.cgs[0].path, "/");
	assert_string_equal(s.cgs[3].path, P);
	assert_string_equal(s.cgs[4].path, C);
	assert_int_equal(s.cgs[4].parent, 3);
	assert_int_equal(s.cgs[4].depth, 4);
}

/* The root's usage_in_bytes is counted from page counts, without kernel
 * memory (mem_cgroup_usage()): said in the batch output's name column, and
 * of the root only. */
static void test_root_usage_excludes_kernel(void **state)
{
	(void)state;
	assert_int_equal(s.cgs[0].n.usage_no_kernel, 1);
	for (size_t i = 1; i < s.ncg; i++)
		assert_int_equal(s.cgs[i].n.usage_no_kernel, 0);
	char *text = fixture_batch_text(&s);
	assert_non_null(strstr(text, "\n/ (excl. kernel)  "));
	assert_null(strstr(text, "process_api (excl"));
	free(text);
}

/* hr-fixture: usage_in_bytes 86110208, limit 209715200, kmem 1388544,
 * memsw 86110208, failcnt 98; stat total_rss 33767424, total_cache 50593792,
 * total_shmem 8388608, total_inactive_file 41951232; oom_control oom_kill 0
 * here and 1 in child. */
static void test_parent(void **state)
{
	(void)state;
	const struct cg_sample *c = fixture_cg(&s, P);
	assert_non_null(c);
	assert_val(c->n.usage, 86110208);
	assert_val(c->n.limit, 209715200);
	assert_val(c->n.anon, 33767424);
	assert_val(c->n.shmem, 8388608);
	assert_val(c->n.file, 50593792 - 8388608); /* cache - shmem = 42205184 */
	assert_val(c->n.kernel, 1388544);
	assert_val(c->n.swap, 0);			   /* memory.stat total_swap 0: no swap here */
	assert_val(c->n.working_set, 86110208 - 41951232); /* 44158976 */
	assert_val(c->n.reclaimable, 42205184);
	assert_val(c->n.oom_kills, 1); /* the kill in child, summed up */
	assert_val(c->n.limit_hits, 98);
	assert_int_equal(c->n.soft_limit.st, V_UNLIMITED); /* 9223372036854771712 */
	assert_na(c->n.high, NA_NOTAPPLY);
	assert_val(c->n.eff_limit, 209715200);
	assert_string_equal(sample_eff_from_path(&s, 3), P);
	assert_int_equal(c->nprocs, 0);
	assert_val(c->f[F1_MAX_USAGE], 209715200); /* it reached its limit */
}

/* child: usage 86097920, limit 524288000 but the parent caps it at 200M
 * (the kernel's own hierarchical_memory_limit says 209715200 too). */
static void test_child(void **state)
{
	(void)state;
	const struct cg_sample *c = fixture_cg(&s, C);
	assert_non_null(c);
	assert_val(c->n.usage, 86097920);
	assert_val(c->n.peak, 209965056); /* memory.max_usage_in_bytes */
	assert_val(c->n.limit, 524288000);
	assert_val(c->n.eff_limit, 209715200);
	assert_string_equal(sample_eff_from_path(&s, 4), P);
	assert_val(kvset_get(&c->kv[K_STAT], "hierarchical_memory_limit"), c->n.eff_limit.v);
	assert_val(c->n.kernel, 1376256);
	assert_val(c->n.working_set, 86097920 - 41951232);
	assert_val(c->n.oom_kills, 1);
	assert_val(c->n.limit_hits, 0);
	assert_val(kvset_get(&c->kv[K_OOM_CONTROL], "under_oom"), 0);
	assert_int_equal(c->nprocs, 2);
}

static void test_unlimited_and_hybrid_psi(void **state)
{
	(void)state;
	const struct cg_sample *root = fixture_cg(&s, "/");
	const struct cg_sample *base = fixture_cg(&s, BASE);
	assert_int_equal(root->n.limit.st, V_UNLIMITED);
	assert_int_equal(base->n.eff_limit.st, V_UNLIMITED);
	assert_int_equal(base->n.eff_from, EFF_FROM_NONE);
	/* The unified hierarchy has memory.pressure for its root only. */
	assert_true(root->psi.some.ok && root->psi.full.ok);
	assert_false(base->psi.some.ok);
	assert_int_equal(base->psi.why, NA_ABSENT);
}

/* proc/4914/statm "6764 6545 375 ..." (4K pages): the 24M holder.
 * proc/4913: the 8M holder with oom_score_adj 500; status RssAnon 8296 kB,
 * smaps_rollup Pss 8529 kB, Private_Clean 0 + Private_Dirty 8296 kB;
 * status VmPTE 60 kB (4914's 96 kB). */
static void test_processes(void **state)
{
	(void)state;
	const struct proc_sample *big = fixture_proc(&s, 4914), *adj = fixture_proc(&s, 4913);
	assert_non_null(big);
	assert_non_null(adj);
	assert_val(big->virt, 6764ULL * 4096);
	assert_val(big->res, 6545ULL * 4096);
	assert_val(big->shr, 375ULL * 4096);
	assert_string_equal(s.cgs[big->cg].path, C);
	assert_true(adj->d.ok);
	assert_int_equal(adj->d.ppid, 4911);
	assert_string_equal(adj->d.comm, "hog");
	assert_string_equal(adj->d.user, "root");
	assert_val(adj->d.rss_anon, 8296ULL * 1024);
	assert_val(adj->d.rss_shmem, 0);
	assert_val(adj->d.swap, 0);
	assert_int_equal(adj->d.oom_adj.v, 500);
	assert_int_equal(adj->d.oom_score.v, 1000);
	assert_val(adj->d.pss, 8529ULL * 1024);
	assert_val(adj->d.uss, 8296ULL * 1024);
	assert_val(adj->d.swap_pss, 0);
	/* pid 2 (kthreadd): no user memory, so no Rss figures and no smaps. */
	const struct proc_sample *kt = fixture_proc(&s, 2);
	assert_non_null(kt);
	assert_val(kt->virt, 0);
	assert_na(kt->d.rss_anon, NA_NOMM);
	assert_int_equal(kt->d.pss.st, V_NA);
	/* page tables, read only when asked: status VmPTE 96 kB and 60 kB;
	 * kthreadd's status has no VmPTE line */
	assert_na(big->d.pgtables, NA_NOTREAD);
	size_t idx[3] = { (size_t)(big - s.procs), (size_t)(adj - s.procs), (size_t)(kt - s.procs) };
	collector_pgtables(col, &s, idx, 3);
	assert_val(big->d.pgtables, 96ULL * 1024);
	assert_val(adj->d.pgtables, 60ULL * 1024);
	assert_na(kt->d.pgtables, NA_ABSENT);
}

/* /proc/meminfo and the sysctls as captured. */
static void test_system(void **state)
{
	(void)state;
	assert_val(s.sys.mem_total, 24684084ULL * 1024); /* MemTotal: 24684084 kB */
	assert_val(s.sys.swap_total, 0);
	assert_val(s.sys.overcommit_memory, 0);
	assert_val(s.sys.overcommit_ratio, 50);
	assert_val(s.sys.vm[VM_REFAULT_FILE], 163250);
	assert_na(s.sys.vm[VM_REFAULT], NA_ABSENT); /* split into anon/file since 5.9 */
	assert_true(s.sys.psi.some.ok); /* some ... total=5418; full ... total=3573 */
	assert_true(s.sys.psi.some.total == 5418 && s.sys.psi.full.total == 3573);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_layout), cmocka_unit_test(test_root_usage_excludes_kernel),	  cmocka_unit_test(test_parent),
		cmocka_unit_test(test_child),	  cmocka_unit_test(test_unlimited_and_hybrid_psi),
		cmocka_unit_test(test_processes), cmocka_unit_test(test_system),
	};
	return cmocka_run_group_tests_name("fixture v1-hybrid", tests, setup, fixture_teardown);
}
