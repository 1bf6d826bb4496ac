/* SPDX-License-Identifier: GPL-2.0-or-later */
/* smaps by mapping, read from this test process on the real kernel. */
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include <errno.h>

#include <cmocka.h>

#include "collectors/procmaps.h"

static void test_classify(void **state)
{
	(void)state;
	assert_int_equal(smap_classify("[heap]"), SG_HEAP);
	assert_int_equal(smap_classify("[stack]"), SG_STACK);
	assert_int_equal(smap_classify(""), SG_ANON);
	assert_int_equal(smap_classify("[anon:scudo]"), SG_ANON);
	assert_int_equal(smap_classify("[vdso]"), SG_KERNEL);
	assert_int_equal(smap_classify("/usr/lib/x86_64-linux-gnu/libc.so.6"), SG_LIBS);
	assert_int_equal(smap_classify("/usr/lib/x86_64-linux-gnu/libproc2.so.0.0.1"), SG_LIBS);
	assert_int_equal(smap_classify("/usr/bin/headroom"), SG_FILES);
	assert_int_equal(smap_classify("/tmp/.so/data"), SG_FILES); /* ".so" in a directory name */
	assert_int_equal(smap_classify("/dev/shm/x (deleted)"), SG_SHMEM);
	assert_int_equal(smap_classify("/memfd:wayland (deleted)"), SG_SHMEM);
	assert_int_equal(smap_classify("/SYSV00000000 (deleted)"), SG_SHMEM);
}

static void test_self(void **state)
{
	(void)state;
	/* 8 MiB touched anonymous memory, so the anon group has something */
	size_t len = 8 << 20;
	char *p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	assert_true(p != MAP_FAILED);
	memset(p, 1, len);
	int root = open("/", O_RDONLY | O_DIRECTORY);
	struct procmaps m = { 0 };
	assert_int_equal(procmaps_read(root, getpid(), &m), 0);
	assert_true(m.n > 10);
	assert_true(m.group[SG_LIBS].rss > 0);  /* libc, libcmocka */
	assert_true(m.group[SG_STACK].size > 0);
	assert_true(m.group[SG_ANON].rss >= len);
	assert_true(m.group[SG_ANON].private >= len);
	assert_true(m.total.pss <= m.total.rss && m.total.rss <= m.total.size);
	/* the mappings add up to statm's size, but for [vsyscall] (no VMA);
	 * statm and smaps are read one after the other, and an allocator (or
	 * ASan's thread) may map something between: one of a few reads agrees */
	int agree = 0;
	for (int tries = 0; tries < 5 && !agree; tries++) {
		uint64_t size = 0;
		if (tries)
			assert_int_equal(procmaps_read(root, getpid(), &m), 0);
		for (size_t i = 0; i < m.n; i++)
			if (strcmp(m.maps[i].path, "[vsyscall]") != 0)
				size += m.maps[i].f.size;
		assert_int_equal(m.statm[0].st, V_OK);
		agree = size == m.statm[0].v;
	}
	assert_true(agree);
	assert_true(m.statm[1].v >= len); /* resident */
	assert_int_equal(procmaps_read(root, 0x7ffffffe, &m), ENOENT); /* no such process */
	assert_int_equal(m.n, 0);
	procmaps_free(&m);
	close(root);
	munmap(p, len);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_classify),
		cmocka_unit_test(test_self),
	};
	return cmocka_run_group_tests_name("smaps", tests, NULL, NULL);
}
