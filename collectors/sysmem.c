/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "collectors/sysmem.h"

#include <stdlib.h>

#include <libproc2/meminfo.h>

#include "util/xalloc.h"

enum sys_slot { S_OC_MEMORY, S_OC_RATIO, S_OC_KBYTES, S_PSI, S_VMSTAT, S_N };
static const char *const sys_files[S_N] = {
	"proc/sys/vm/overcommit_memory",
	"proc/sys/vm/overcommit_ratio",
	"proc/sys/vm/overcommit_kbytes",
	"proc/pressure/memory",
	"proc/vmstat",
};

struct sysmem {
	int rootfd;
	struct fdpool *pool;
	struct meminfo_info *mi; /* NULL when libproc2 cannot read meminfo */
	enum na_reason mi_why;	 /* and why */
	int slot[S_N];
	struct kvset vmstat;
	struct buf buf;
};

/* The meminfo items, in the order of the val_t fields they fill. */
static enum meminfo_item mi_items[] = {
	MEMINFO_MEM_TOTAL,  MEMINFO_MEM_FREE,	MEMINFO_MEM_AVAILABLE,	  MEMINFO_MEM_BUFFERS,
	MEMINFO_MEM_CACHED, MEMINFO_MEM_SHARED, MEMINFO_MEM_SLAB,	  MEMINFO_MEM_SLAB_RECLAIM,
	MEMINFO_SWAP_TOTAL, MEMINFO_SWAP_FREE,	MEMINFO_MEM_COMMITTED_AS, MEMINFO_MEM_COMMIT_LIMIT,
	MEMINFO_MEM_ANON,   MEMINFO_MEM_KERNEL_STACK, MEMINFO_MEM_PAGE_TABLES, MEMINFO_SWAP_CACHED,
};
#define MI_N (sizeof(mi_items) / sizeof(mi_items[0]))

struct sysmem *sysmem_open(int rootfd, struct fdpool *pool, int libproc2)
{
	struct sysmem *m = xcalloc(1, sizeof(*m));
	m->rootfd = rootfd;
	m->pool = pool;
	for (int i = 0; i < S_N; i++)
		m->slot[i] = FD_UNOPENED;
	m->mi_why = libproc2 ? NA_IOERR : NA_NOLIB;
	if (libproc2 && procps_meminfo_new(&m->mi) < 0)
		m->mi = NULL;
	return m;
}

void sysmem_close(struct sysmem *m)
{
	if (!m)
		return;
	for (int i = 0; i < S_N; i++)
		fdpool_close(m->pool, &m->slot[i]);
	if (m->mi)
		procps_meminfo_unref(&m->mi);
	kvset_free(&m->vmstat);
	buf_free(&m->buf);
	free(m);
}

static void read_meminfo(struct sysmem *m, struct sys_sample *o)
{
	val_t *dst[MI_N] = { &o->mem_total,  &o->mem_free,  &o->mem_available, &o->buffers,
			     &o->cached,     &o->shmem,	    &o->slab,	       &o->slab_reclaimable,
			     &o->swap_total, &o->swap_free, &o->committed_as,  &o->commit_limit,
			     &o->anon_pages, &o->kernel_stack, &o->page_tables, &o->swap_cached };
	struct meminfo_stack *stk = m->mi ? procps_meminfo_select(m->mi, mi_items, MI_N) : NULL;
	for (size_t i = 0; i < MI_N; i++)
		*dst[i] = stk ? val_mul(val_ok(MEMINFO_VAL(i, ul_int, stk, m->mi)), 1024) : val_na(m->mi_why);
	/* A machine always has memory: 0 here means libproc2 found no meminfo. */
	if (val_is_ok(o->mem_total) && o->mem_total.v == 0)
		for (size_t i = 0; i < MI_N; i++)
			*dst[i] = val_na(NA_ABSENT);
}

static int read_slot(struct sysmem *m, enum sys_slot s)
{
	return fdpool_read(m->pool, &m->slot[s], m->rootfd, sys_files[s], &m->buf, s != S_VMSTAT); /* vmstat: many records */
}

static val_t read_number(struct sysmem *m, enum sys_slot s)
{
	int e = read_slot(m, s);
	return e ? val_na(na_from_errno(e)) : parse_counter(m->buf.p);
}

static void read_vmstat(struct sysmem *m, struct sys_sample *o)
{
	int e = read_slot(m, S_VMSTAT);
	if (e)
		kvset_clear(&m->vmstat);
	else
		kvset_parse(&m->vmstat, m->buf.p);
	for (int i = 0; i < VM_N; i++)
		o->vm[i] = e ? val_na(na_from_errno(e)) : kvset_get(&m->vmstat, vm_counter_names[i]);
	/* khugepaged scans appeared in 6.x; older kernels count only two. */
	val_t kh = val_is_ok(o->vm[VM_PGSCAN_KHUGEPAGED]) ? o->vm[VM_PGSCAN_KHUGEPAGED] : val_ok(0);
	val_t khs = val_is_ok(o->vm[VM_PGSTEAL_KHUGEPAGED]) ? o->vm[VM_PGSTEAL_KHUGEPAGED] : val_ok(0);
	o->pgscan = val_add(val_add(o->vm[VM_PGSCAN_KSWAPD], o->vm[VM_PGSCAN_DIRECT]), kh);
	o->pgsteal = val_add(val_add(o->vm[VM_PGSTEAL_KSWAPD], o->vm[VM_PGSTEAL_DIRECT]), khs);
	o->refault = val_is_ok(o->vm[VM_REFAULT]) ? o->vm[VM_REFAULT]
						  : val_add(o->vm[VM_REFAULT_ANON], o->vm[VM_REFAULT_FILE]);
}

void sysmem_read(struct sysmem *m, struct sys_sample *o)
{
	read_meminfo(m, o);
	o->overcommit_memory = read_number(m, S_OC_MEMORY);
	o->overcommit_ratio = read_number(m, S_OC_RATIO);
	o->overcommit_kbytes = read_number(m, S_OC_KBYTES);
	int e = read_slot(m, S_PSI);
	if (e)
		o->psi = (struct psi){ .why = (uint8_t)na_from_errno(e) };
	else
		psi_parse(&o->psi, m->buf.p);
	read_vmstat(m, o);
}
