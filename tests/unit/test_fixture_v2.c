/* SPDX-License-Identifier: GPL-2.0-or-later */
/* tests/fixtures/v2-qemu, captured in the QEMU guest (Debian's cloud kernel
 * 6.1, cgroup v2 only, zram swap) by tests/fixtures/make-v2-capture.sh. Each
 * expected figure is worked out by hand from the captured files. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include <cmocka.h>

#include "collectors/mounts.h"
#include "model/sysnorm.h"
#include "output/batch.h"
#include "tests/unit/fixture.h"

#define ROOT "tests/fixtures/v2-qemu"
#define KIB(x) ((uint64_t)(x)*1024)

FIXTURE_SETUP(setup, ROOT)

static void test_layout(void **state)
{
	(void)state;
	assert_int_equal(s.layout, LAYOUT_V2);
	assert_int_equal(s.version, 2);
	/* / hr-fixture child idle hr-swap */
	assert_int_equal(s.ncg, 5);
	assert_string_equal(s.cgs[1].path, "/hr-fixture");
	assert_string_equal(s.cgs[2].path, "/hr-fixture/child");
	assert_string_equal(s.cgs[4].path, "/hr-swap");
	const struct cg_sample *root = &s.cgs[0];
	assert_na(root->n.usage, NA_ABSENT); /* v2 root: no memory.current */
	assert_val(root->n.anon, 171941888); /* but it has memory.stat */
	assert_true(root->psi.some.ok);
}

/* hr-fixture: current 156864512, max 209715200, low 16777216, peak 209715200;
 * stat anon 104914944, file 50397184, kernel 1544192, shmem 8388608,
 * inactive_file 41943040, slab_reclaimable 1269040; events max 35 oom_kill 1;
 * swap.current 0. */
static void test_parent(void **state)
{
	(void)state;
	const struct cg_sample *c = fixture_cg(&s, "/hr-fixture");
	assert_val(c->n.usage, 156864512);
	assert_val(c->n.limit, 209715200);
	assert_val(c->n.anon, 104914944);
	assert_val(c->n.shmem, 8388608);
	assert_val(c->n.file, 50397184 - 8388608); /* 42008576 */
	assert_val(c->n.kernel, 1544192);
	assert_val(c->n.swap, 0);
	assert_val(c->n.working_set, 156864512 - 41943040); /* 114921472 */
	assert_val(c->n.inactive_file, 41943040);
	assert_val(c->n.active_file, 65536);
	assert_val(c->n.reclaimable, 42008576 + 1269040);   /* 43277616 */
	assert_val(c->n.oom_kills, 1);
	assert_val(c->n.limit_hits, 35);
	assert_val(c->n.low, 16777216);
	assert_val(c->n.min, 0);
	assert_int_equal(c->n.high.st, V_UNLIMITED);
	assert_val(c->f[F2_PEAK], 209715200);	  /* it reached its limit */
	assert_na(c->f[F2_SWAP_PEAK], NA_ABSENT); /* not in 6.1 */
	assert_val(c->n.eff_limit, 209715200);
	assert_int_equal(c->n.eff_from, 1);
}

/* child: current 156852224, max 524288000 (capped at 200M by the parent),
 * swap.max 0, events max 0 oom_kill 1 (hierarchical: the victim was here). */
static void test_child(void **state)
{
	(void)state;
	const struct cg_sample *c = fixture_cg(&s, "/hr-fixture/child");
	assert_val(c->n.usage, 156852224);
	assert_val(c->n.limit, 524288000);
	assert_val(c->n.eff_limit, 209715200);
	assert_string_equal(sample_eff_from_path(&s, 2), "/hr-fixture");
	assert_val(c->f[F2_SWAP_MAX], 0);
	assert_val(c->n.oom_kills, 1);
	assert_val(c->n.limit_hits, 0);
	assert_val(c->n.kernel, 1531904);
	assert_val(c->n.peak, 209965056); /* memory.peak */
	assert_int_equal(c->nprocs, 1);
}

static void test_markers(void **state)
{
	(void)state;
	const struct cg_sample *c = fixture_cg(&s, "/hr-fixture/idle");
	assert_val(c->n.high, 104857600);
	assert_val(c->n.low, 10485760);
	assert_val(c->n.min, 5242880);
	assert_val(c->n.usage, 0);
	assert_int_equal(c->n.limit.st, V_UNLIMITED);
	assert_val(c->n.eff_limit, 209715200); /* still under hr-fixture */
}

/* hr-swap: limited but not killed. current 66949120 of max 67108864,
 * swap.current 34095104, events max 203 oom_kill 0, stat pgscan 24663. */
static void test_swapping(void **state)
{
	(void)state;
	const struct cg_sample *c = fixture_cg(&s, "/hr-swap");
	assert_val(c->n.usage, 66949120);
	assert_val(c->n.limit, 67108864);
	assert_val(c->n.swap, 34095104);
	assert_val(c->n.anon, 66695168);
	assert_val(c->n.oom_kills, 0);
	assert_val(c->n.limit_hits, 203);
	assert_val(kvset_get(&c->kv[K_STAT], "pgscan"), 24663);
	assert_val(c->f[F2_SWAP_MAX], 100663296);
}

/* pid 115 (in hr-swap): statm 24835 16440 163; status RssAnon 65108 kB,
 * VmSwap 33272 kB; smaps_rollup Pss 65456 kB, Private 8 + 65124 kB,
 * SwapPss 33272 kB; oom_score 755. pid 112 (child, 100M resident): 758. */
static void test_processes(void **state)
{
	(void)state;
	const struct proc_sample *p = fixture_proc(&s, 115), *q = fixture_proc(&s, 112);
	assert_non_null(p);
	assert_non_null(q);
	assert_val(p->virt, 24835ULL * 4096);
	assert_val(p->res, 16440ULL * 4096);
	assert_val(p->shr, 163ULL * 4096);
	assert_string_equal(s.cgs[p->cg].path, "/hr-swap");
	assert_val(p->d.rss_anon, KIB(65108));
	assert_val(p->d.swap, KIB(33272));
	assert_val(p->d.pss, KIB(65456));
	assert_val(p->d.uss, KIB(8 + 65124));
	assert_val(p->d.swap_pss, KIB(33272));
	assert_int_equal(p->d.oom_score.v, 755);
	assert_int_equal(q->d.oom_score.v, 758);
	assert_string_equal(s.cgs[q->cg].path, "/hr-fixture/child");
}

/* meminfo: MemTotal 481296 kB, SwapTotal 262140 kB, SwapFree 228604 kB,
 * Committed_AS 214776 kB, CommitLimit 502788 kB. */
static void test_system(void **state)
{
	(void)state;
	assert_val(s.sys.mem_total, KIB(481296));
	assert_val(s.sys.swap_total, KIB(262140));
	assert_val(s.sys.swap_free, KIB(228604));
	assert_val(s.sys.swap_cached, 0); /* SwapCached: 0 kB */
	assert_val(s.sys.committed_as, KIB(214776));
	assert_val(s.sys.commit_limit, KIB(502788));
	assert_val(s.sys.anon_pages, KIB(167920));
	assert_val(s.sys.kernel_stack, KIB(848));
	assert_val(s.sys.page_tables, KIB(580));
	assert_val(s.sys.vm[VM_OOM_KILL], 1); /* vmstat: oom_kill 1 */
	/* derived: MemFree 230840, Cached 52328, Buffers 200, Shmem 11360,
	 * Slab 16876 kB */
	assert_val(s.sys.used, KIB(481296 - 269768)); /* MemTotal - MemAvailable, as free(1) */
	assert_val(s.sys.cache, KIB(52328 + 200 - 11360));
	assert_val(s.sys.kernel, KIB(16876 + 848 + 580));
	assert_val(s.sys.swap_used, KIB(262140 - 228604));
	/* a part N/A: the figure is N/A, never a sum with a 0 in it */
	struct sys_sample m = s.sys;
	m.mem_available = val_na(NA_ABSENT);
	m.shmem = val_na(NA_GARBAGE);
	sysnorm_fill(&m);
	assert_na(m.used, NA_DERIVED);
	assert_na(m.cache, NA_DERIVED);
	assert_val(m.kernel, KIB(16876 + 848 + 580));
}

/* -b --smaps: PSS and USS in the process table (smaps_rollup: 112's Pss
 * 102780 kB and Private 102456 kB; 115's 65456 and 65132 kB). */
static void test_batch_smaps(void **state)
{
	(void)state;
	char *text = fixture_batch_text(&s);
	assert_non_null(strstr(text, "\n     PID USER          VIRT      RES      SHR     SWAP      PSS      USS  OOMSC CGROUP"));
	assert_non_null(strstr(text, "\n     112 root          101M     101M     652K        0     100M     100M    758 "
				     "/hr-fixture/child        hog 100 100 0 600\n"));
	assert_non_null(strstr(text, "\n     115 root           97M      64M     652K      32M      64M      64M    755 "
				     "/hr-swap                 hog 96 8 10 600\n"));
	free(text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_layout),	cmocka_unit_test(test_parent),	 cmocka_unit_test(test_child),
		cmocka_unit_test(test_markers), cmocka_unit_test(test_swapping), cmocka_unit_test(test_processes),
		cmocka_unit_test(test_system),	cmocka_unit_test(test_batch_smaps),
	};
	return cmocka_run_group_tests_name("fixture v2-qemu", tests, setup, fixture_teardown);
}
