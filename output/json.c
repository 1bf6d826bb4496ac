/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "output/json.h"

#include <math.h>
#include <string.h>

#include "model/cgnorm.h"
#include "collectors/mounts.h"
#include "collectors/watch.h"
#include "model/diagnose.h"
#include "model/events.h"
#include "util/utf8.h"

/* Collects the reasons of the N/A figures of one object for its "na" map. */
struct na_list {
	const char *key[64];
	uint8_t why[64];
	int n;
};

/* A valid UTF-8 sequence as it is; a byte that starts none as U+FFFD. */
static void utf8_or_fffd(FILE *f, const unsigned char **sp)
{
	const unsigned char *s = *sp;
	size_t len = utf8_len(s);
	if (len == 0) {
		fputs("\\ufffd", f);
		*sp = s + 1;
		return;
	}
	fwrite(s, 1, len, f);
	*sp = s + len;
}

void json_string(FILE *f, const char *str)
{
	const unsigned char *s = (const unsigned char *)(str ? str : "");
	fputc('"', f);
	while (*s) {
		if (*s == '"' || *s == '\\')
			fprintf(f, "\\%c", *s++);
		else if (*s < 0x20 || *s == 0x7f)
			fprintf(f, "\\u%04x", *s++);
		else if (*s < 0x80)
			fputc(*s++, f);
		else
			utf8_or_fffd(f, &s);
	}
	fputc('"', f);
}

static void key(FILE *f, int *first, const char *k)
{
	fputs(*first ? "" : ",", f);
	*first = 0;
	json_string(f, k);
	fputc(':', f);
}

static void val(FILE *f, int *first, const char *k, val_t v, struct na_list *na)
{
	key(f, first, k);
	if (v.st == V_OK)
		fprintf(f, "%llu", (unsigned long long)v.v);
	else if (v.st == V_UNLIMITED)
		fputs("\"max\"", f);
	else {
		fputs("null", f);
		if (na && na->n < 64) {
			na->key[na->n] = k;
			na->why[na->n++] = v.why;
		}
	}
}

static void sval(FILE *f, int *first, const char *k, sval_t v, struct na_list *na)
{
	if (v.st == V_OK) {
		key(f, first, k);
		fprintf(f, "%lld", (long long)v.v);
	} else {
		val(f, first, k, val_na((enum na_reason)v.why), na);
	}
}

static void num(FILE *f, int *first, const char *k, double d)
{
	key(f, first, k);
	if (isnan(d))
		fputs("null", f);
	else
		fprintf(f, "%.3f", d);
}

static void str(FILE *f, int *first, const char *k, const char *s)
{
	key(f, first, k);
	if (s)
		json_string(f, s);
	else
		fputs("null", f);
}

static void na_map(FILE *f, int *first, const struct na_list *na)
{
	int inner = 1;
	key(f, first, "na");
	fputc('{', f);
	for (int i = 0; i < na->n; i++) {
		key(f, &inner, na->key[i]);
		json_string(f, na_reason_str((enum na_reason)na->why[i]));
	}
	fputc('}', f);
}

static void psi_obj(FILE *f, int *first, const char *k, const struct psi *p, struct na_list *na)
{
	const struct psi_line *l[2] = { &p->some, &p->full };
	const char *names[2] = { "some", "full" };
	if (!p->some.ok && !p->full.ok) {
		val(f, first, k, val_na((enum na_reason)(p->why ? p->why : NA_ABSENT)), na);
		return;
	}
	key(f, first, k);
	fputc('{', f);
	for (int i = 0, inner = 1; i < 2; i++) {
		key(f, &inner, names[i]);
		if (!l[i]->ok) {
			fputs("null", f);
			continue;
		}
		int in2 = 1;
		fputc('{', f);
		num(f, &in2, "avg10", l[i]->avg10);
		num(f, &in2, "avg60", l[i]->avg60);
		num(f, &in2, "avg300", l[i]->avg300);
		val(f, &in2, "total", val_ok(l[i]->total), NULL);
		fputc('}', f);
	}
	fputc('}', f);
}

static void kv_obj(FILE *f, int *first, const char *k, const struct cg_sample *c, enum cg_kvfile kf)
{
	key(f, first, k);
	if (c->kv_why[kf] != NA_NONE) {
		fputs("null", f);
		return;
	}
	int inner = 1;
	fputc('{', f);
	for (size_t i = 0; i < c->kv[kf].n; i++)
		val(f, &inner, c->kv[kf].items[i].key, c->kv[kf].items[i].val, NULL);
	fputc('}', f);
}

static void system_obj(FILE *f, int *first, const struct sys_sample *y)
{
	struct na_list na = { 0 };
	int in = 1;
	key(f, first, "system");
	fputc('{', f);
	val(f, &in, "mem_total", y->mem_total, &na);
	val(f, &in, "mem_free", y->mem_free, &na);
	val(f, &in, "mem_available", y->mem_available, &na);
	val(f, &in, "buffers", y->buffers, &na);
	val(f, &in, "cached", y->cached, &na);
	val(f, &in, "shmem", y->shmem, &na);
	val(f, &in, "slab", y->slab, &na);
	val(f, &in, "slab_reclaimable", y->slab_reclaimable, &na);
	val(f, &in, "swap_total", y->swap_total, &na);
	val(f, &in, "swap_free", y->swap_free, &na);
	val(f, &in, "swap_cached", y->swap_cached, &na);
	val(f, &in, "committed_as", y->committed_as, &na);
	val(f, &in, "commit_limit", y->commit_limit, &na);
	val(f, &in, "anon_pages", y->anon_pages, &na);
	val(f, &in, "kernel_stack", y->kernel_stack, &na);
	val(f, &in, "page_tables", y->page_tables, &na);
	val(f, &in, "overcommit_memory", y->overcommit_memory, &na);
	val(f, &in, "overcommit_ratio", y->overcommit_ratio, &na);
	val(f, &in, "overcommit_kbytes", y->overcommit_kbytes, &na);
	val(f, &in, "used", y->used, &na); /* derived: model/sysnorm.c */
	val(f, &in, "cache", y->cache, &na);
	val(f, &in, "kernel", y->kernel, &na);
	val(f, &in, "swap_used", y->swap_used, &na);
	psi_obj(f, &in, "pressure", &y->psi, &na);
	key(f, &in, "vmstat");
	fputc('{', f);
	for (int i = 0, vin = 1; i < VM_N; i++)
		val(f, &vin, vm_counter_names[i], y->vm[i], NULL);
	fputc('}', f);
	num(f, &in, "pgscan_ps", y->pgscan_ps);
	num(f, &in, "pgsteal_ps", y->pgsteal_ps);
	num(f, &in, "refault_ps", y->refault_ps);
	num(f, &in, "pgmajfault_ps", y->pgmajfault_ps);
	val(f, &in, "new_oom_kills", y->new_oom_kills, &na);
	na_map(f, &in, &na);
	fputc('}', f);
}

static void norm_fields(FILE *f, int *in, const struct cg_norm *n, struct na_list *na)
{
	for (size_t i = 0; i < cg_norm_nfields; i++)
		val(f, in, cg_norm_fields[i].name, cg_norm_get(n, &cg_norm_fields[i]), na);
}

static void rates_obj(FILE *f, int *first, const struct cg_rates *r)
{
	int in = 1;
	key(f, first, "rates");
	fputc('{', f);
	num(f, &in, "usage_bps", r->usage_bps);
	num(f, &in, "pgscan_ps", r->pgscan_ps);
	num(f, &in, "pgsteal_ps", r->pgsteal_ps);
	num(f, &in, "refault_ps", r->refault_ps);
	num(f, &in, "limit_hits_ps", r->limit_hits_ps);
	val(f, &in, "new_oom_kills", r->new_oom_kills, NULL);
	fputc('}', f);
}

static void files_obj(FILE *f, int *first, const struct sample *s, const struct cg_sample *c, struct na_list *na)
{
	int in = 1;
	key(f, first, "files");
	fputc('{', f);
	for (int i = 0; i < CG_NFILES; i++)
		if (cg_files[i].version == s->version)
			val(f, &in, cg_files[i].name, c->f[i], na);
	fputc('}', f);
	for (int k = 0; k < CG_NKV; k++)
		if (!cg_kvfiles[k].version || cg_kvfiles[k].version == s->version)
			kv_obj(f, first, cg_kvfiles[k].name, c, (enum cg_kvfile)k);
}

/* What the model made of the cgroup (model/diagnose.h), most pressing first. */
static void diag_arr(FILE *f, int *first, const struct sample *s, size_t i, const struct events *ev)
{
	char text[512];
	int in = 1;
	key(f, first, "diagnoses");
	fputc('[', f);
	for (int id = 0; id < DIAG_N; id++) {
		if (!(s->cgs[i].diag.mask & (1u << id)))
			continue;
		fputs(in ? "{" : ",{", f);
		int k = 1;
		str(f, &k, "id", diag_rules[id].name);
		str(f, &k, "text", diag_text(text, sizeof(text), (enum diag_id)id, s, i, ev, s->mono));
		fputc('}', f);
		in = 0;
	}
	fputc(']', f);
}

/* The process the OOM killer would pick at the cgroup's limit, or null. */
static void victim_obj(FILE *f, int *first, const struct sample *s, size_t i)
{
	const struct cg_diag *d = &s->cgs[i].diag;
	const struct proc_sample *p = diag_victim(s, i);
	key(f, first, "oom_next");
	if (!p) {
		fputs("null", f);
		return;
	}
	int in = 1;
	fputc('{', f);
	val(f, &in, "pid", val_ok((uint64_t)p->pid), NULL);
	str(f, &in, "comm", p->d.ok ? p->d.comm : NULL);
	sval(f, &in, "points", sval_ok(d->victim_points), NULL);
	val(f, &in, "budget_pages", val_ok(d->victim_budget), NULL);
	fputc('}', f);
}

static void cgroup_obj(FILE *f, const struct sample *s, size_t i, const struct events *ev)
{
	const struct cg_sample *c = &s->cgs[i];
	struct na_list na = { 0 };
	int in = 1;
	fputc('{', f);
	str(f, &in, "path", c->path);
	str(f, &in, "parent", c->parent >= 0 ? s->cgs[c->parent].path : NULL);
	val(f, &in, "depth", val_ok((uint64_t)c->depth), NULL);
	val(f, &in, "nprocs", val_ok(c->nprocs), NULL);
	norm_fields(f, &in, &c->n, &na);
	/* kept by path, where the kernel's count starts again with the cgroup */
	val(f, &in, "oom_kills_seen", ev ? val_ok(events_count_in(ev, EV_OOM_KILL, c->path)) : val_na(NA_NOTREAD), &na);
	str(f, &in, "effective_limit_from", sample_eff_from_path(s, i));
	psi_obj(f, &in, "pressure", &c->psi, &na);
	rates_obj(f, &in, &c->r);
	diag_arr(f, &in, s, i, ev);
	num(f, &in, "time_to_limit", c->diag.ttl);
	victim_obj(f, &in, s, i);
	files_obj(f, &in, s, c, &na);
	na_map(f, &in, &na);
	fputc('}', f);
}

static void proc_obj(FILE *f, const struct sample *s, const struct proc_sample *p)
{
	const struct proc_detail *d = &p->d;
	struct na_list na = { 0 };
	int in = 1;
	fputc('{', f);
	val(f, &in, "pid", val_ok((uint64_t)p->pid), NULL);
	sval(f, &in, "ppid", d->ok ? sval_ok(d->ppid) : sval_na(NA_NOTREAD), &na);
	str(f, &in, "user", d->ok ? d->user : NULL);
	str(f, &in, "comm", d->ok ? d->comm : NULL);
	str(f, &in, "cmdline", d->ok ? d->cmdline : NULL);
	str(f, &in, "cgroup", p->cg >= 0 ? s->cgs[p->cg].path : NULL);
	val(f, &in, "virt", p->virt, &na);
	val(f, &in, "res", p->res, &na);
	val(f, &in, "shr", p->shr, &na);
	val(f, &in, "rss_anon", d->rss_anon, &na);
	val(f, &in, "rss_file", d->rss_file, &na);
	val(f, &in, "rss_shmem", d->rss_shmem, &na);
	val(f, &in, "swap", d->swap, &na);
	sval(f, &in, "oom_score", d->oom_score, &na);
	sval(f, &in, "oom_score_adj", d->oom_adj, &na);
	val(f, &in, "pss", d->pss, &na);
	val(f, &in, "uss", d->uss, &na);
	val(f, &in, "swap_pss", d->swap_pss, &na);
	na_map(f, &in, &na);
	fputc('}', f);
}

void json_print(FILE *f, const struct sample *s, const struct events *ev)
{
	int in = 1;
	fputc('{', f);
	str(f, &in, "headroom", HEADROOM_VERSION);
	val(f, &in, "seq", val_ok(s->seq), NULL);
	num(f, &in, "time", s->wall);
	str(f, &in, "layout", layout_name((enum cg_layout)s->layout));
	val(f, &in, "cgroup_version", s->version ? val_ok((uint64_t)s->version) : val_na(NA_ABSENT), NULL);
	system_obj(f, &in, &s->sys);
	key(f, &in, "cgroups");
	fputc('[', f);
	for (size_t i = 0; i < s->ncg; i++) {
		fputs(i ? "," : "", f);
		cgroup_obj(f, s, i, ev);
	}
	fputs("],", f);
	json_string(f, "processes");
	fputs(":[", f);
	for (size_t i = 0, n = 0; i < s->nproc; i++) {
		if (s->procs[i].oom_killed)
			continue; /* the kernel log told its kill: its oom_kill event has its last reading */
		fputs(n++ ? "," : "", f);
		proc_obj(f, s, &s->procs[i]);
	}
	fputs("]}\n", f);
}

/* A string the kernel may not have given: null when empty. */
static void str_or_null(FILE *f, int *first, const char *k, const char *s)
{
	str(f, first, k, s && *s ? s : NULL);
}

/* What the kernel log said of a kill. */
static void kill_fields(FILE *f, int *in, const struct oom_kill *k, struct na_list *na)
{
	val(f, in, "seq", val_ok(k->seq), NULL);
	val(f, in, "usec", val_ok(k->usec), NULL);
	str(f, in, "scope", k->memcg ? "cgroup" : "system");
	str_or_null(f, in, "constraint", k->constraint);
	str_or_null(f, in, "oom_memcg", k->oom_memcg);
	str_or_null(f, in, "task_memcg", k->task_memcg);
	val(f, in, "pid", val_ok((uint64_t)k->pid), NULL);
	str(f, in, "comm", k->comm);
	val(f, in, "uid", k->uid, na);
	val(f, in, "usage", k->usage, na);
	val(f, in, "limit", k->limit, na);
	val(f, in, "total_vm", k->total_vm, na);
	val(f, in, "anon_rss", k->anon_rss, na);
	val(f, in, "file_rss", k->file_rss, na);
	val(f, in, "shmem_rss", k->shmem_rss, na);
	val(f, in, "pgtables", k->pgtables, na);
	sval(f, in, "oom_score_adj", k->oom_score_adj, na);
}

/* The victim as headroom last read it. */
static void last_obj(FILE *f, int *in, const struct event_victim *v)
{
	key(f, in, "last");
	if (!v->seen) {
		fputs("null", f);
		return;
	}
	struct na_list na = { 0 };
	int first = 1;
	fputc('{', f);
	val(f, &first, "virt", v->virt, &na);
	val(f, &first, "res", v->res, &na);
	val(f, &first, "shr", v->shr, &na);
	val(f, &first, "swap", v->swap, &na);
	str_or_null(f, &first, "user", v->user);
	str_or_null(f, &first, "cmdline", v->cmdline);
	na_map(f, &first, &na);
	fputc('}', f);
}

static void kind_fields(FILE *f, int *in, const struct event *ev, struct na_list *na)
{
	if (ev->kind == EV_OOM_KILL && ev->told) {
		kill_fields(f, in, &ev->kill, na);
		/* seconds from the kernel's record (its clock: CLOCK_MONOTONIC's
		 * within a few ms) to headroom learning of it */
		num(f, in, "told_after", ev->mono - (double)ev->kill.usec / 1e6);
		last_obj(f, in, &ev->victim);
		return;
	}
	if (ev->kind == EV_OOM_KILL)
		str(f, in, "why", ev->no_log ? ev->no_log : "the kernel log was not read");
	if (ev->count.st != V_NA || ev->count.why != NA_NOTAPPLY)
		val(f, in, "count", ev->count, na);
	if (ev->kind == EV_PRESSURE) {
		psi_obj(f, in, "pressure", &ev->psi, na);
		val(f, in, "stall_us", val_ok(WATCH_PSI_STALL_US), NULL);
		val(f, in, "window_us", val_ok(WATCH_PSI_WINDOW_US), NULL);
	}
	if (ev->kind == EV_LIMIT_SET || ev->kind == EV_SWAP) {
		val(f, in, "before", ev->before, na);
		val(f, in, "after", ev->after, na);
	}
}

void json_print_event(FILE *f, const struct event *ev)
{
	struct na_list na = { 0 };
	int in = 1;
	fputc('{', f);
	str(f, &in, "event", event_kind_names[ev->kind]);
	num(f, &in, "time", ev->wall);
	str_or_null(f, &in, "cgroup", ev->cgroup);
	kind_fields(f, &in, ev, &na);
	na_map(f, &in, &na);
	fputs("}\n", f);
}
