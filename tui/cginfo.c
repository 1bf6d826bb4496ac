/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "tui/cginfo.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "model/cgnorm.h"
#include "model/diagnose.h"
#include "collectors/mounts.h"
#include "model/rates.h"
#include "widgets/format.h"

int cginfo_key_is_count(const char *key)
{
	static const char *const prefixes[] = { "pg", "workingset_", "thp_", "zswp", "numa_", "swpin", "swpout" };
	if (strncmp(key, "total_", 6) == 0)
		key += 6;
	for (size_t i = 0; i < sizeof(prefixes) / sizeof(prefixes[0]); i++)
		if (strncmp(key, prefixes[i], strlen(prefixes[i])) == 0)
			return 1;
	return strstr(key, "fault") != NULL;
}

/* The same cgroup (by id) in prev, or NULL. */
static const struct cg_sample *prev_cg(const struct sample *prev, const struct cg_sample *c)
{
	for (size_t i = 0; prev && i < prev->ncg; i++)
		if (prev->cgs[i].id == c->id)
			return &prev->cgs[i];
	return NULL;
}

/* A figure's value (bytes or a count) and, when there is a previous
 * reading, its rate per second. */
static void value_line(struct dlines *d, const char *label, val_t v, val_t was, double dt, int count, const char *note)
{ /* was: N/A for a figure with no rate (a limit, a setting) */
	struct dline *l = dlines_add(d);
	snprintf(l->label, sizeof(l->label), "%s", label);
	if (count)
		fmt_count(l->value, sizeof(l->value), v);
	else
		fmt_bytes(l->value, sizeof(l->value), v);
	/* a count is a counter (or a flag): back means reset, no rate */
	double r = count ? rate_counter(was, v, dt) : rate_gauge(was, v, dt);
	if (!isnan(r) && count)
		fmt_rate(l->rate, sizeof(l->rate), r);
	else if (!isnan(r))
		fmt_rate_bytes(l->rate, sizeof(l->rate), r);
	if (v.st == V_NA)
		snprintf(l->note, sizeof(l->note), "N/A: %s", na_reason_str((enum na_reason)v.why));
	else if (note)
		snprintf(l->note, sizeof(l->note), "%s", note);
	if (v.st == V_NA)
		l->st = ST_DIM;
}

static void figures(struct dlines *d, const struct sample *s, size_t i, const struct cg_sample *p, double dt)
{
	const struct cg_sample *c = &s->cgs[i];
	char note[96];
	dlines_heading(d, "Figures (normalized)");
	for (size_t k = 0; k < cg_norm_nfields; k++) {
		const struct cg_norm_field *f = &cg_norm_fields[k];
		const char *src = s->version == 2 ? f->v2 : f->v1;
		if (!src)
			continue; /* the version has no such figure */
		val_t v = cg_norm_get(&c->n, f), was = p && !f->setting ? cg_norm_get(&p->n, f) : val_na(NA_NOTREAD);
		int count = strcmp(f->name, "oom_kills") == 0 || strcmp(f->name, "limit_hits") == 0;
		snprintf(note, sizeof(note), "%s", src);
		if (strcmp(f->name, "effective_limit") == 0) {
			const char *from = sample_eff_from_path(s, i);
			snprintf(note, sizeof(note), "set by %s", from ? from : "no cgroup: unlimited");
		}
		value_line(d, f->name, v, was, dt, count, note);
	}
	struct dline *l = dlines_add(d);
	snprintf(l->label, sizeof(l->label), "processes");
	snprintf(l->value, sizeof(l->value), "%u", c->nprocs);
	snprintf(l->note, sizeof(l->note), "cgroup.procs");
}

static void files(struct dlines *d, const struct sample *s, const struct cg_sample *c, const struct cg_sample *p,
		  double dt)
{
	dlines_heading(d, "Files");
	for (int k = 0; k < CG_NFILES; k++) {
		if (cg_files[k].version != s->version)
			continue;
		val_t was = p && !cg_files[k].config ? p->f[k] : val_na(NA_NOTREAD);
		value_line(d, cg_files[k].name, c->f[k], was, dt, cg_files[k].count, NULL);
	}
}

static void kvfile(struct dlines *d, const struct cg_sample *c, const struct cg_sample *p, double dt, enum cg_kvfile k)
{
	dlines_heading(d, cg_kvfiles[k].name);
	if (c->kv_why[k] != NA_NONE) {
		struct dline *l = dlines_add(d);
		snprintf(l->label, sizeof(l->label), "N/A");
		snprintf(l->note, sizeof(l->note), "%s", na_reason_str((enum na_reason)c->kv_why[k]));
		l->st = ST_DIM;
		return;
	}
	int counts = k != K_STAT; /* events and oom_control hold counts and flags */
	for (size_t j = 0; j < c->kv[k].n; j++) {
		const struct kv *e = &c->kv[k].items[j];
		val_t was = p ? cg_kv(p, k, e->key) : val_na(NA_NOTREAD), v = e->val;
		if (k == K_STAT && strstr(e->key, "_limit")) { /* v1's hierarchical_memory/memsw_limit: a limit */
			was = val_na(NA_NOTAPPLY);
			if (val_is_ok(v) && v.v >= V1_UNLIMITED_MIN)
				v = val_unlimited(); /* the counter maximum, not 8.0E */
		}
		value_line(d, e->key, v, was, dt, counts || cginfo_key_is_count(e->key), NULL);
		if (k == K_OOM_CONTROL && strcmp(e->key, "under_oom") == 0 && val_is_ok(e->val) && e->val.v)
			d->v[d->n - 1].st = ST_CRIT; /* tasks stalled at the limit */
	}
}

static void psi_line(struct dlines *d, const char *label, const struct psi_line *p)
{
	struct dline *l = dlines_add(d);
	snprintf(l->label, sizeof(l->label), "%s", label);
	if (!p->ok) {
		snprintf(l->value, sizeof(l->value), "N/A");
		l->st = ST_DIM;
		return;
	}
	snprintf(l->value, sizeof(l->value), "%.2f %.2f %.2f", p->avg10, p->avg60, p->avg300);
	snprintf(l->note, sizeof(l->note), "%% stalled avg10 avg60 avg300; total %.3fs", (double)p->total / 1e6);
}

static void pressure(struct dlines *d, const struct sample *s, const struct cg_sample *c)
{
	dlines_heading(d, s->layout == LAYOUT_HYBRID ? "memory.pressure (unified tree)" : "memory.pressure");
	if (!c->psi.some.ok && !c->psi.full.ok) {
		struct dline *l = dlines_add(d);
		snprintf(l->label, sizeof(l->label), "N/A");
		snprintf(l->note, sizeof(l->note), "%s",
			 na_reason_str((enum na_reason)(c->psi.why ? c->psi.why : NA_ABSENT)));
		l->st = ST_DIM;
		return;
	}
	psi_line(d, "some", &c->psi.some);
	psi_line(d, "full", &c->psi.full);
}

/* What the model makes of it, most pressing first; "none" when nothing. */
static void diagnoses(struct dlines *d, const struct sample *s, size_t i, const struct events *ev, double now)
{
	static const enum style sev[] = { [DS_INFO] = ST_NORMAL, [DS_WARN] = ST_WARN, [DS_CRIT] = ST_CRIT,
					  [DS_OOM] = ST_OOM };
	dlines_heading(d, "Diagnoses");
	for (int id = 0; id < DIAG_N; id++) {
		if (!(s->cgs[i].diag.mask & (1u << id)))
			continue;
		struct dline *l = dlines_add(d);
		diag_tag(l->label, sizeof(l->label), (enum diag_id)id, s, i);
		diag_text(l->note, sizeof(l->note), (enum diag_id)id, s, i, ev, now);
		l->st = sev[diag_rules[id].sev];
	}
	if (!s->cgs[i].diag.mask)
		snprintf(dlines_add(d)->label, sizeof(d->v[0].label), "none");
	if (!ev)
		return;
	struct dline *l = dlines_add(d); /* the kernel's counter starts again with the cgroup; this does not */
	snprintf(l->label, sizeof(l->label), "OOM kills seen here");
	snprintf(l->value, sizeof(l->value), "%u", events_count_in(ev, EV_OOM_KILL, s->cgs[i].path));
	snprintf(l->note, sizeof(l->note), "since headroom started, kept by path: a cgroup removed and made again keeps them");
}

/* Its usage against its parts and against what its processes hold. */
static void charge(struct dlines *d, const struct cg_sample *c)
{
	struct diag_charge w;
	char a[16], f[16], k[16], sh[16], o[16], r[16];
	diag_charge(c, &w);
	dlines_heading(d, "Where the charge is");
	fmt_bytes(a, sizeof(a), w.anon);
	fmt_bytes(f, sizeof(f), w.file);
	fmt_bytes(k, sizeof(k), w.kernel);
	fmt_bytes(sh, sizeof(sh), w.shmem);
	fmt_bytes(o, sizeof(o), w.other);
	char note[200];
	snprintf(note, sizeof(note), "anon %s + cache %s + kernel %s + shmem %s + other %s", a, f, k, sh, o);
	value_line(d, "charged (usage)", w.usage, val_na(NA_NOTAPPLY), 0, 0, note);
	snprintf(note, sizeof(note), "RES - SHR of the processes in its subtree (shared: %s)", fmt_bytes(r, sizeof(r), w.shared));
	value_line(d, "held by its processes", w.held, val_na(NA_NOTAPPLY), 0, 0, note);
	fmt_bytes(a, sizeof(a), w.unmapped_cache);
	fmt_bytes(o, sizeof(o), w.orphan_anon);
	snprintf(note, sizeof(note),
		 "page cache no process maps (up to %s), shmem/tmpfs %s, kernel %s, anon left by processes that "
		 "moved or exited (up to %s)", a, sh, k, o);
	value_line(d, "held by none of them", w.unheld, val_na(NA_NOTAPPLY), 0, 0, note);
}

void cginfo_build(const struct sample *cur, const struct sample *prev, size_t i, const struct events *ev, double now,
		  struct dlines *out)
{
	dlines_clear(out);
	if (i >= cur->ncg)
		return;
	const struct cg_sample *c = &cur->cgs[i], *p = prev_cg(prev, c);
	double dt = p ? cur->mono - prev->mono : 0;
	diagnoses(out, cur, i, ev, now);
	charge(out, c);
	figures(out, cur, i, p, dt);
	files(out, cur, c, p, dt);
	for (int k = 0; k < CG_NKV; k++)
		if (!cg_kvfiles[k].version || cg_kvfiles[k].version == cur->version)
			kvfile(out, c, p, dt, (enum cg_kvfile)k);
	pressure(out, cur, c);
}
