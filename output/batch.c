/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "output/batch.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "collectors/mounts.h"
#include "util/xalloc.h"
#include "model/diagnose.h"
#include "output/evtext.h"
#include "widgets/format.h"

#define B(v) fmt_bytes((char[16]){ 0 }, 16, (v))

static const char *psi_avg(char *out, size_t n, const struct psi_line *l)
{
	if (!l->ok)
		snprintf(out, n, "N/A");
	else
		snprintf(out, n, "%.2f %.2f %.2f", l->avg10, l->avg60, l->avg300);
	return out;
}

#define N(v) fmt_count((char[24]){ 0 }, 24, (v))
#define R(x) fmt_rate((char[24]){ 0 }, 24, (x))

static void print_system(FILE *f, const struct sample *s)
{
	const struct sys_sample *y = &s->sys;
	char t[32], a[32], b[32];
	time_t now = (time_t)s->wall;
	strftime(t, sizeof(t), "%Y-%m-%d %H:%M:%S", localtime(&now));
	fprintf(f, "headroom %s - %s - sample %llu - memory cgroup %s, %s layout\n", HEADROOM_VERSION, t,
		(unsigned long long)s->seq, s->version ? (s->version == 1 ? "v1" : "v2") : "none",
		layout_name((enum cg_layout)s->layout));
	fprintf(f, "Mem:     %s total, %s free, %s available, %s buffers, %s cached, %s shmem, %s slab\n",
		B(y->mem_total), B(y->mem_free), B(y->mem_available), B(y->buffers), B(y->cached), B(y->shmem),
		B(y->slab));
	fprintf(f, "Swap:    %s total, %s free\n", B(y->swap_total), B(y->swap_free));
	fmt_pct(a, sizeof(a), y->committed_as, y->mem_total);
	fprintf(f, "Commit:  %s committed, limit %s, %s%s of MemTotal; overcommit_memory %s, ratio %s\n",
		B(y->committed_as), B(y->commit_limit), a, strcmp(a, "N/A") ? "%" : "", N(y->overcommit_memory),
		N(y->overcommit_ratio));
	fprintf(f, "PSI:     some %s  full %s (avg10 avg60 avg300)\n", psi_avg(a, sizeof(a), &y->psi.some),
		psi_avg(b, sizeof(b), &y->psi.full));
	fprintf(f, "Reclaim: pgscan %s  pgsteal %s  refault %s  majfault %s  new OOM kills %s\n\n", R(y->pgscan_ps),
		R(y->pgsteal_ps), R(y->refault_ps), R(y->pgmajfault_ps), N(y->new_oom_kills));
}

#define CG_NAME_W 32

/* Name column: the cgroup's name indented by depth, sanitized, cut from
 * the left as the process table cuts paths: the leaf stays. */
static void cg_name(char *out, size_t n, const struct cg_sample *c)
{
	char name[CG_NAME_W + 8];
	int indent = c->depth * 2 > 16 ? 16 : c->depth * 2;
	const char *note = c->n.usage_no_kernel ? " (excl. kernel)" : "";
	fmt_tail(name, sizeof(name), c->parent < 0 ? c->path : c->name, CG_NAME_W - indent - (int)strlen(note));
	snprintf(out, n, "%*s%s%s", indent, "", name, note);
}

static void print_cgroups(FILE *f, const struct sample *s)
{
	if (!s->ncg)
		return;
	fprintf(f, "%-*s %9s %9s %10s %6s %8s %8s %8s %8s %8s %5s %5s\n", CG_NAME_W, "CGROUP", "USAGE", "LIMIT", "EFF.LIMIT",
		"%EFF", "ANON", "FILE", "KERNEL", "SHMEM", "SWAP", "OOM", "PROCS");
	for (size_t i = 0; i < s->ncg; i++) {
		const struct cg_sample *c = &s->cgs[i];
		const struct cg_norm *n = &c->n;
		char name[64], eff[24], pct[16];
		cg_name(name, sizeof(name), c);
		/* '^': the effective limit is set by an ancestor */
		snprintf(eff, sizeof(eff), "%s%s", B(n->eff_limit),
			 n->eff_from != (int)i && n->eff_from != EFF_FROM_NONE ? "^" : "");
		fprintf(f, "%-*s %9s %9s %10s %6s %8s %8s %8s %8s %8s %5s %5u\n", CG_NAME_W, name, B(n->usage), B(n->limit),
			eff, fmt_pct(pct, sizeof(pct), n->usage, n->eff_limit), B(n->anon), B(n->file), B(n->kernel),
			B(n->shmem), B(n->swap), N(n->oom_kills), c->nprocs);
	}
	fputc('\n', f);
}

/* qsort_r: indices into s->procs (ctx), largest RES first. */
static int cmp_res(const void *a, const void *b, void *ctx)
{
	const struct sample *s = ctx;
	const struct proc_sample *x = &s->procs[*(const size_t *)a];
	const struct proc_sample *y = &s->procs[*(const size_t *)b];
	uint64_t rx = val_is_ok(x->res) ? x->res.v : 0, ry = val_is_ok(y->res) ? y->res.v : 0;
	if (rx != ry)
		return rx < ry ? 1 : -1;
	return x->pid - y->pid;
}

static void proc_cmd(char *out, size_t n, const struct proc_sample *p)
{
	const char *cmd = p->d.ok ? (p->d.cmdline && *p->d.cmdline ? p->d.cmdline : p->d.comm) : NULL;
	sanitize(out, n, cmd ? cmd : "N/A");
}

static void print_procs(FILE *f, const struct sample *s)
{
	size_t *order = xcalloc(s->nproc, sizeof(*order));
	for (size_t i = 0; i < s->nproc; i++)
		order[i] = i;
	qsort_r(order, s->nproc, sizeof(*order), cmp_res, (void *)s);
	int smaps = 0; /* --smaps: PSS and USS too */
	for (size_t i = 0; i < s->nproc && !smaps; i++)
		smaps = s->procs[i].d.smaps_asked;
	fprintf(f, "%8s %-9s %8s %8s %8s %8s ", "PID", "USER", "VIRT", "RES", "SHR", "SWAP");
	if (smaps)
		fprintf(f, "%8s %8s ", "PSS", "USS");
	fprintf(f, "%6s %-24s %s\n", "OOMSC", "CGROUP", "COMMAND");
	for (size_t k = 0; k < s->nproc; k++) {
		const struct proc_sample *p = &s->procs[order[k]];
		if (p->oom_killed)
			continue; /* dying, its kill told (an EVENT line) */
		char user[16], cg[128], cmd[512], oom[16];
		sanitize(user, sizeof(user), p->d.ok ? p->d.user : "N/A");
		fmt_tail(cg, sizeof(cg), p->cg >= 0 ? s->cgs[p->cg].path : "N/A", 24);
		proc_cmd(cmd, sizeof(cmd), p);
		if (p->d.oom_score.st == V_OK)
			snprintf(oom, sizeof(oom), "%lld", (long long)p->d.oom_score.v);
		else
			snprintf(oom, sizeof(oom), "N/A");
		fprintf(f, "%8d %-9.9s %8s %8s %8s %8s ", p->pid, user, B(p->virt), B(p->res), B(p->shr), B(p->d.swap));
		if (smaps)
			fprintf(f, "%8s %8s ", B(p->d.pss), B(p->d.uss));
		fprintf(f, "%6s %-24.24s %.200s\n", oom, cg, cmd);
	}
	fputc('\n', f);
	free(order);
}

/* Each cgroup's diagnoses in words, after the table: "DIAG PATH: TEXT". */
static void print_diagnoses(FILE *f, const struct sample *s, const struct events *ev)
{
	char path[128], text[512], clean[512];
	int any = 0;
	for (size_t i = 0; i < s->ncg; i++)
		for (int id = 0; id < DIAG_N; id++) {
			if (!(s->cgs[i].diag.mask & (1u << id)))
				continue;
			sanitize(path, sizeof(path), s->cgs[i].path);
			diag_text(text, sizeof(text), (enum diag_id)id, s, i, ev, s->mono);
			fprintf(f, "DIAG %s: %s\n", path, sanitize(clean, sizeof(clean), text));
			any = 1;
		}
	if (any)
		fputc('\n', f);
}

void batch_print(FILE *f, const struct sample *s, const struct events *ev)
{
	print_system(f, s);
	print_cgroups(f, s);
	print_diagnoses(f, s, ev);
	print_procs(f, s);
}

void batch_print_event(FILE *f, const struct event *ev)
{
	char text[1600], clean[1600];
	fprintf(f, "EVENT %s\n", sanitize(clean, sizeof(clean), event_text(text, sizeof(text), ev)));
}
