/* SPDX-License-Identifier: GPL-2.0-or-later */
/* cgroup v1 over a whole hierarchy is sampled incrementally (cgtree.c,
 * node_read_procs): a cgroup's process list is read again only when inotify
 * says its cgroup.procs was written, and limits only when a file of the
 * cgroup was written. Each test changes a copy of the v1-hybrid capture the
 * way the kernel would between two samples and checks the second sample:
 * processes kept where they were and counted, a process moved out, the
 * inotify queue overflowing, memory.use_hierarchy 0, a cgroup gone while
 * it is read. The last needs the kernel's answer for a removed cgroup's open
 * file (ENODEV), which a file tree cannot give: this binary is linked with
 * --wrap=fdpool_read, and the wrapper answers ENODEV for one directory. */
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "collectors/fdpool.h"
#include "tests/unit/fixture.h"

#define CGM "sys/fs/cgroup/memory"
#define BASE "/process_api/26076a03489b8c4f13d5afe78fb57212"
#define P BASE "/hr-fixture"
#define C P "/child"

static char tmp[64];
static struct stat gone;      /* reads in this directory answer ENODEV (st_ino 0: none) */
static const char *gone_file; /* only this file of it (NULL: every file) */

int __real_fdpool_read(struct fdpool *p, int *slot, int dirfd, const char *name, struct buf *b, int record);
int __wrap_fdpool_read(struct fdpool *p, int *slot, int dirfd, const char *name, struct buf *b, int record);
int __wrap_fdpool_read(struct fdpool *p, int *slot, int dirfd, const char *name, struct buf *b, int record)
{
	struct stat st;
	if (gone.st_ino && fstat(dirfd, &st) == 0 && st.st_ino == gone.st_ino && st.st_dev == gone.st_dev &&
	    (!gone_file || strcmp(name, gone_file) == 0))
		return ENODEV;
	return __real_fdpool_read(p, slot, dirfd, name, b, record);
}

static void sh(const char *fmt, ...)
{
	char cmd[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(cmd, sizeof(cmd), fmt, ap);
	va_end(ap);
	assert_int_equal(system(cmd), 0);
}

/* Write text to a file of the copy, as the kernel would change it. */
static void put(const char *rel, const char *text)
{
	char path[512];
	snprintf(path, sizeof(path), "%s/%s", tmp, rel);
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	assert_int_equal(fclose(f), 0);
}

/* A fresh copy of the capture, a collector on it and its first sample. */
static struct collector *first(struct sample *out)
{
	snprintf(tmp, sizeof(tmp), "/tmp/headroom-inc-XXXXXX");
	assert_non_null(mkdtemp(tmp));
	sh("cp -a tests/fixtures/v1-hybrid/. %s/ && chmod 755 %s", tmp, tmp);
	char err[256] = "";
	struct collector_opts o = { .root = tmp };
	struct collector *c = collector_open(&o, err, sizeof(err));
	if (!c)
		fail_msg("%s", err);
	assert_int_equal(sample_now(c, out), 0);
	return c;
}

static void done(struct collector *c, struct sample *smp)
{
	collector_close(c);
	sample_free(smp);
	gone.st_ino = 0;
	gone_file = NULL;
	sh("rm -rf %s", tmp);
}

static int cg_of(const struct sample *smp, int pid)
{
	const struct proc_sample *p = fixture_proc(smp, pid);
	return p ? p->cg : -2;
}

/* Nothing written: no list is read again, and the processes stay where they
 * were, counted. */
static void test_kept(void **state)
{
	(void)state;
	struct collector *c = first(&s);
	int child = sample_find_cg(&s, C);
	assert_true(child > 0);
	assert_int_equal(s.cgs[child].procs_fresh, 1);
	assert_int_equal(s.cgs[child].nprocs, 2);
	assert_int_equal(sample_now(c, &s), 0);
	child = sample_find_cg(&s, C);
	assert_int_equal(s.cgs[child].procs_fresh, 0); /* incremental: not read again */
	assert_int_equal(s.cgs[child].nprocs, 2);      /* yet counted */
	assert_int_equal(cg_of(&s, 4913), child);
	assert_int_equal(cg_of(&s, 4914), child);
	assert_int_equal(s.cgs[sample_find_cg(&s, "/")].nprocs, 2); /* pids 1 and 2 */
	done(c, &s);
}

/* 4914 moves from child to hr-fixture, whose cgroup.procs this user cannot
 * read: child is listed afresh without it, so it is asked where it went
 * (its /proc/4914/cgroup), rather than kept in child. */
static void test_moved_out(void **state)
{
	(void)state;
	struct collector *c = first(&s);
	put(CGM C "/cgroup.procs", "4913\n");
	put(CGM P "/cgroup.procs", "4914\n");
	sh("chmod 0 %s/" CGM P "/cgroup.procs", tmp);
	sh("sed -i 's|^4:memory:.*|4:memory:" P "|' %s/proc/4914/cgroup", tmp);
	if (geteuid() == 0)
		assert_int_equal(seteuid(65534), 0); /* root reads anything */
	int rc = sample_now(c, &s);
	if (getuid() == 0)
		assert_int_equal(seteuid(0), 0);
	assert_int_equal(rc, 0);
	int child = sample_find_cg(&s, C), parent = sample_find_cg(&s, P);
	assert_int_equal(s.cgs[child].procs_fresh, 1);
	assert_int_equal(s.cgs[parent].procs_fresh, 0); /* unreadable */
	assert_int_equal(cg_of(&s, 4913), child);
	assert_int_equal(cg_of(&s, 4914), parent);
	assert_int_equal(s.cgs[child].nprocs, 1);
	assert_int_equal(s.cgs[parent].nprocs, 1);
	done(c, &s);
}

/* More events than the inotify queue holds: the kernel drops the rest and
 * says so once (IN_Q_OVERFLOW). A limit written after the queue filled is
 * seen only if the overflow makes every cgroup be read again. */
static void test_queue_overflow(void **state)
{
	(void)state;
	struct collector *c = first(&s);
	long max = 16384;
	FILE *f = fopen("/proc/sys/fs/inotify/max_queued_events", "r");
	if (f) {
		assert_int_equal(fscanf(f, "%ld", &max), 1);
		fclose(f);
	}
	char a[512], b[512];
	snprintf(a, sizeof(a), "%s/" CGM "/x1", tmp);
	snprintf(b, sizeof(b), "%s/" CGM "/x2", tmp);
	int fa = open(a, O_WRONLY | O_CREAT, 0644), fb = open(b, O_WRONLY | O_CREAT, 0644);
	assert_true(fa >= 0 && fb >= 0);
	for (long i = 0; i <= max; i++) /* alternating: equal events in a row merge */
		assert_int_equal(pwrite(i % 2 ? fb : fa, "1", 1, 0), 1);
	close(fa);
	close(fb);
	put(CGM C "/memory.limit_in_bytes", "104857600\n");
	assert_int_equal(sample_now(c, &s), 0);
	assert_val(s.cgs[sample_find_cg(&s, C)].n.limit, 104857600);
	assert_val(s.cgs[sample_find_cg(&s, C)].n.eff_limit, 104857600);
	done(c, &s);
}

/* memory.use_hierarchy 0 (kernels before 6.x let it be written): hr-fixture
 * then does not account, nor cap, its children, in the whole tree and in a
 * --cgroup view of child alike. */
static void test_no_hierarchy(void **state)
{
	(void)state;
	struct collector *c = first(&s);
	int child = sample_find_cg(&s, C);
	assert_val(s.cgs[child].n.eff_limit, 209715200); /* hr-fixture's 200M */
	put(CGM P "/memory.use_hierarchy", "0\n");
	assert_int_equal(sample_now(c, &s), 0);
	child = sample_find_cg(&s, C);
	assert_val(s.cgs[child].n.eff_limit, 524288000); /* its own 500M */
	assert_int_equal(s.cgs[child].n.eff_from, child);
	struct sample v = { 0 };
	char err[256];
	struct collector_opts o = { .root = tmp, .cgroup = C };
	struct collector *vc = collector_open(&o, err, sizeof(err));
	assert_non_null(vc);
	assert_int_equal(sample_now(vc, &v), 0);
	assert_int_equal(v.base_eff_limit.st, V_UNLIMITED);
	assert_null(v.base_eff_from);
	assert_val(v.cgs[0].n.eff_limit, 524288000);
	collector_close(vc);
	sample_free(&v);
	done(c, &s);
}

/* child is removed while the walk reads it: its files answer ENODEV, from
 * the first one read (file NULL) or from memory.stat on, after its single
 * value files were read. It is left out, and so are its processes (no slot
 * of another cgroup gets them). */
static void gone_at(const char *file)
{
	struct collector *c = first(&s);
	size_t before = s.ncg;
	char dir[512];
	snprintf(dir, sizeof(dir), "%s/" CGM C, tmp);
	assert_int_equal(stat(dir, &gone), 0);
	gone_file = file;
	assert_int_equal(sample_now(c, &s), 0);
	assert_int_equal(s.ncg, before - 1);
	assert_int_equal(sample_find_cg(&s, C), -1);
	assert_true(sample_find_cg(&s, P) >= 0);
	assert_null(fixture_proc(&s, 4913));
	assert_null(fixture_proc(&s, 4914));
	for (size_t i = 0; i < s.ncg; i++)
		assert_non_null(s.cgs[i].path);
	done(c, &s);
}

static void test_gone_mid_read(void **state)
{
	(void)state;
	gone_at(NULL);
	gone_at("memory.stat");
}

/* Children in natural order, numbers as numbers: g1, g2, g10 (not g1,
 * g10, g2), after child; made between two samples. */
static void test_natural_order(void **state)
{
	(void)state;
	struct collector *c = first(&s);
	sh("cd %s/" CGM P " && for g in g10 g2 g1; do cp -a child $g && : > $g/cgroup.procs; done", tmp);
	assert_int_equal(sample_now(c, &s), 0);
	int p = sample_find_cg(&s, P);
	assert_true(p >= 0);
	const char *want[] = { "child", "g1", "g2", "g10" };
	size_t k = 0;
	for (size_t i = 0; i < s.ncg; i++)
		if (s.cgs[i].parent == p) {
			assert_true(k < 4);
			assert_string_equal(s.cgs[i].name, want[k++]);
		}
	assert_int_equal(k, 4);
	done(c, &s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_kept),	       cmocka_unit_test(test_moved_out),
		cmocka_unit_test(test_queue_overflow), cmocka_unit_test(test_no_hierarchy),
		cmocka_unit_test(test_gone_mid_read),  cmocka_unit_test(test_natural_order),
	};
	return cmocka_run_group_tests_name("incremental v1", tests, NULL, NULL);
}
