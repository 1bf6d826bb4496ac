/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "collectors/procdetail.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>

#include <libproc2/pids.h>

#include "util/fsio.h"
#include "util/parse.h"
#include "util/xalloc.h"

enum { D_PID, D_PPID, D_USER, D_CMD, D_CMDLINE, D_ANON, D_FILE, D_SHMEM, D_SWAP, D_OOM, D_ADJ, D_STATE, D_TICS, D_BEGAN, D_N };
static enum pids_item detail_items[D_N] = {
	PIDS_ID_PID,	  PIDS_ID_PPID,	      PIDS_ID_EUSER, PIDS_CMD,	     PIDS_CMDLINE, PIDS_VM_RSS_ANON,
	PIDS_VM_RSS_FILE, PIDS_VM_RSS_SHARED, PIDS_VM_SWAP,  PIDS_OOM_SCORE, PIDS_OOM_ADJ,	 PIDS_STATE,
	PIDS_TICS_ALL, PIDS_TICS_BEGAN, /* stat, read already for the ppid */
};

enum { M_PID, M_RSS, M_PSS, M_USS, M_SWAP_PSS, M_N };
static enum pids_item smaps_items[M_N] = {
	PIDS_ID_PID, PIDS_SMAP_RSS, PIDS_SMAP_PSS, PIDS_SMAP_PRV_TOTAL, PIDS_SMAP_SWAP_PSS,
};

/* libproc2 selects at most FILL_ID_MAX (255) pids per call and returns
 * NULL, silently, for more. */
#define SELECT_CHUNK 255

struct procdetail {
	int rootfd;
	struct pids_info *info, *smaps;
	struct buf buf;
};

struct procdetail *procdetail_open(int rootfd)
{
	struct procdetail *d = xcalloc(1, sizeof(*d));
	d->rootfd = rootfd;
	if (procps_pids_new(&d->info, detail_items, D_N) < 0)
		d->info = NULL;
	if (procps_pids_new(&d->smaps, smaps_items, M_N) < 0)
		d->smaps = NULL;
	return d;
}

void procdetail_close(struct procdetail *d)
{
	if (!d)
		return;
	if (d->info)
		procps_pids_unref(&d->info);
	if (d->smaps)
		procps_pids_unref(&d->smaps);
	buf_free(&d->buf);
	free(d);
}

static val_t kib(unsigned long v)
{
	return val_mul(val_ok(v), 1024);
}

static void take_details(struct proc_sample *p, struct pids_stack *k)
{
	struct proc_detail *d = &p->d;
	free(d->user);
	free(d->comm);
	free(d->cmdline);
	d->ok = 1;
	d->ppid = PIDS_VAL(D_PPID, s_int, k, NULL);
	d->user = xstrdup(PIDS_VAL(D_USER, str, k, NULL));
	d->comm = xstrdup(PIDS_VAL(D_CMD, str, k, NULL));
	d->cmdline = xstrdup(PIDS_VAL(D_CMDLINE, str, k, NULL));
	d->oom_score = sval_ok(PIDS_VAL(D_OOM, s_int, k, NULL));
	d->oom_adj = sval_ok(PIDS_VAL(D_ADJ, s_int, k, NULL));
	d->state = PIDS_VAL(D_STATE, s_ch, k, NULL);
	d->tics = val_ok(PIDS_VAL(D_TICS, ull_int, k, NULL));
	d->began = val_ok(PIDS_VAL(D_BEGAN, ull_int, k, NULL));
	if (val_is_ok(p->virt) && p->virt.v == 0) {
		d->rss_anon = d->rss_file = d->rss_shmem = d->swap = val_na(NA_NOMM);
		return;
	}
	d->rss_anon = kib(PIDS_VAL(D_ANON, ul_int, k, NULL));
	d->rss_file = kib(PIDS_VAL(D_FILE, ul_int, k, NULL));
	d->rss_shmem = kib(PIDS_VAL(D_SHMEM, ul_int, k, NULL));
	d->swap = kib(PIDS_VAL(D_SWAP, ul_int, k, NULL));
}

/* libproc2 reports 0 for an smaps_rollup it could not read: all zeros are
 * real only if the file reads, and has content. */
static enum na_reason smaps_unreadable(struct procdetail *pd, int pid)
{
	char name[48];
	snprintf(name, sizeof(name), "proc/%d/smaps_rollup", pid);
	int e = buf_read_at(&pd->buf, pd->rootfd, name);
	if (e)
		return na_from_errno(e);
	return pd->buf.len ? NA_NONE : NA_NOMM;
}

static void take_smaps(struct procdetail *pd, struct proc_sample *p, struct pids_stack *k)
{
	struct proc_detail *d = &p->d;
	unsigned long rss = PIDS_VAL(M_RSS, ul_int, k, pd->smaps), pss = PIDS_VAL(M_PSS, ul_int, k, pd->smaps);
	unsigned long uss = PIDS_VAL(M_USS, ul_int, k, pd->smaps);
	enum na_reason why = rss == 0 && pss == 0 && uss == 0 ? smaps_unreadable(pd, p->pid) : NA_NONE;
	if (why != NA_NONE) {
		d->pss = d->uss = d->swap_pss = val_na(why);
		return;
	}
	d->pss = kib(pss);
	d->uss = kib(uss);
	d->swap_pss = kib(PIDS_VAL(M_SWAP_PSS, ul_int, k, pd->smaps));
}

static void fetch(struct procdetail *pd, struct pids_info *info, struct sample *s, unsigned *pids, int n, int smaps)
{
	struct pids_fetch *f = procps_pids_select(info, pids, n, PIDS_SELECT_PID);
	if (!f)
		return;
	for (int i = 0; i < f->counts->total; i++) {
		struct pids_stack *k = f->stacks[i];
		struct proc_sample *p = sample_find_proc(s, PIDS_VAL(0, s_int, k, info));
		if (!p)
			continue;
		if (smaps)
			take_smaps(pd, p, k);
		else
			take_details(p, k);
	}
}

/* "VmPTE:      96 kB" of a status text, in bytes. */
static val_t status_pte(const char *text)
{
	const char *l = strstr(text, "\nVmPTE:");
	if (!l)
		return val_na(NA_ABSENT); /* a kernel thread, a zombie */
	l += strlen("\nVmPTE:");
	l += strspn(l, " \t");
	val_t v = parse_u64(&l);
	if (val_is_ok(v) && strncmp(l, " kB\n", 4) != 0)
		return val_na(NA_GARBAGE);
	return val_is_ok(v) && v.v > UINT64_MAX / 1024 ? val_na(NA_OVERFLOW) : val_is_ok(v) ? val_ok(v.v * 1024) : v;
}

void procdetail_pgtables(struct procdetail *d, struct sample *s, const size_t *idx, size_t n)
{
	char name[40];
	for (size_t i = 0; i < n; i++) {
		struct proc_sample *p = &s->procs[idx[i]];
		snprintf(name, sizeof(name), "proc/%d/status", p->pid);
		int e = buf_read_at(&d->buf, d->rootfd, name);
		p->d.pgtables = e ? val_na(e == ENOENT || e == ESRCH ? NA_GONE : na_from_errno(e)) : status_pte(d->buf.p);
	}
}

/* Before the read: what libproc2 does not return is gone. */
static void mark_asked(struct proc_sample *p, int smaps)
{
	p->d.asked = 1;
	if (smaps) {
		p->d.smaps_asked = 1;
		p->d.pss = p->d.uss = p->d.swap_pss = val_na(NA_GONE);
	}
}

void procdetail_fill(struct procdetail *pd, struct sample *s, const size_t *idx, size_t n, int smaps,
		     struct proctab *pt)
{
	unsigned pids[SELECT_CHUNK];
	int k = 0;
	if (!idx)
		n = s->nproc;
	for (size_t i = 0; i < n; i++) {
		struct proc_sample *p = &s->procs[idx ? idx[i] : i];
		/* every process: not those read already in this sample (the driver's, near a limit) */
		if (idx || !p->d.asked || (smaps && !p->d.smaps_asked)) {
			mark_asked(p, smaps);
			pids[k++] = (unsigned)p->pid;
		}
		if (k && (k == SELECT_CHUNK || i + 1 == n)) {
			if (pd->info)
				fetch(pd, pd->info, s, pids, k, 0);
			if (smaps && pd->smaps)
				fetch(pd, pd->smaps, s, pids, k, 1);
			k = 0;
		}
	}
	/* A pid reaped and reused while libproc2 read it would mix two processes. */
	for (size_t i = 0; i < n; i++) {
		struct proc_sample *p = &s->procs[idx ? idx[i] : i];
		if (p->d.ok && !proctab_alive(pt, p->pid, p->id)) {
			val_t gone = val_na(NA_GONE);
			p->d = (struct proc_detail){ .asked = 1, .user = p->d.user, .comm = p->d.comm, .cmdline = p->d.cmdline };
			p->d.rss_anon = p->d.rss_file = p->d.rss_shmem = p->d.swap = gone;
			p->d.pss = p->d.uss = p->d.swap_pss = p->d.pgtables = gone;
			p->d.oom_score = p->d.oom_adj = sval_na(NA_GONE);
		}
	}
}
