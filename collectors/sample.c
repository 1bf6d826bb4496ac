/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "collectors/sample.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"

const char *const vm_counter_names[VM_N] = {
	[VM_PGSCAN_KSWAPD] = "pgscan_kswapd",
	[VM_PGSCAN_DIRECT] = "pgscan_direct",
	[VM_PGSCAN_KHUGEPAGED] = "pgscan_khugepaged",
	[VM_PGSTEAL_KSWAPD] = "pgsteal_kswapd",
	[VM_PGSTEAL_DIRECT] = "pgsteal_direct",
	[VM_PGSTEAL_KHUGEPAGED] = "pgsteal_khugepaged",
	[VM_REFAULT_ANON] = "workingset_refault_anon",
	[VM_REFAULT_FILE] = "workingset_refault_file",
	[VM_REFAULT] = "workingset_refault",
	[VM_PGMAJFAULT] = "pgmajfault",
	[VM_OOM_KILL] = "oom_kill",
};

static void proc_detail_free(struct proc_detail *d)
{
	free(d->user);
	free(d->comm);
	free(d->cmdline);
	*d = (struct proc_detail){ 0 };
}

void sample_free(struct sample *s)
{
	for (size_t i = 0; i < s->cgcap; i++) {
		free(s->cgs[i].path);
		for (int k = 0; k < CG_NKV; k++)
			kvset_free(&s->cgs[i].kv[k]);
	}
	for (size_t i = 0; i < s->proccap; i++)
		proc_detail_free(&s->procs[i].d);
	free(s->cgs);
	free(s->procs);
	free(s->base_eff_from);
	*s = (struct sample){ 0 };
}

struct cg_sample *sample_add_cg(struct sample *s)
{
	if (s->ncg == s->cgcap) {
		size_t cap = s->cgcap ? s->cgcap * 2 : 64;
		s->cgs = xreallocarray(s->cgs, cap, sizeof(*s->cgs));
		memset(s->cgs + s->cgcap, 0, (cap - s->cgcap) * sizeof(*s->cgs));
		s->cgcap = cap;
	}
	struct cg_sample *c = &s->cgs[s->ncg++];
	struct kvset kv[CG_NKV];
	memcpy(kv, c->kv, sizeof(kv));
	free(c->path);
	*c = (struct cg_sample){ 0 };
	c->diag.ttl = c->diag.ttl_bps = NAN; /* no prediction until the model makes one */
	c->prev = -1;
	memcpy(c->kv, kv, sizeof(kv)); /* keep the parsed keys for reuse */
	for (int k = 0; k < CG_NKV; k++)
		kvset_clear(&c->kv[k]);
	return c;
}

int sample_path_under(const char *path, const char *root)
{
	size_t n = strlen(root);
	return strcmp(root, "/") == 0 || (strncmp(path, root, n) == 0 && (path[n] == '\0' || path[n] == '/'));
}

struct proc_sample *sample_add_proc(struct sample *s)
{
	if (s->nproc == s->proccap) {
		size_t cap = s->proccap ? s->proccap * 2 : 256;
		s->procs = xreallocarray(s->procs, cap, sizeof(*s->procs));
		memset(s->procs + s->proccap, 0, (cap - s->proccap) * sizeof(*s->procs));
		s->proccap = cap;
	}
	struct proc_sample *p = &s->procs[s->nproc++];
	if (p->d.user || p->d.comm || p->d.cmdline)
		proc_detail_free(&p->d);
	/* One struct assignment, details N/A until asked for (hot path). */
	const val_t unread = { .st = V_NA, .why = NA_NOTREAD };
	const sval_t sunread = { .st = V_NA, .why = NA_NOTREAD };
	*p = (struct proc_sample){ .d = { .rss_anon = unread, .rss_file = unread, .rss_shmem = unread, .swap = unread,
					  .oom_score = sunread, .oom_adj = sunread, .pss = unread, .uss = unread,
					  .swap_pss = unread, .pgtables = unread } };
	return p;
}

int sample_pid_cmp(const void *key, const void *elem)
{
	int a = *(const int *)key, b = *(const int *)elem;
	return (a > b) - (a < b);
}

int sample_find_cg(const struct sample *s, const char *path)
{
	for (size_t i = 0; i < s->ncg; i++)
		if (strcmp(s->cgs[i].path, path) == 0)
			return (int)i;
	return -1;
}

struct proc_sample *sample_find_proc(const struct sample *s, int pid)
{
	return s && s->nproc ? bsearch(&pid, s->procs, s->nproc, sizeof(*s->procs), sample_pid_cmp) : NULL;
}

const char *sample_eff_from_path(const struct sample *s, size_t i)
{
	int from = s->cgs[i].n.eff_from;
	if (from >= 0)
		return s->cgs[from].path;
	return from == EFF_FROM_BASE ? s->base_eff_from : NULL;
}
