/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "tui/cginfo.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "model/cgnorm.h"
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
		val_t was = p ? cg_kv(p, k, e->key) : val_na(NA_NOTREAD);
		value_line(d, e->key, e->val, was, dt, counts || cginfo_key_is_count(e->key), NULL);
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

void cginfo_build(const struct sample *cur, const struct sample *prev, size_t i, struct dlines *out)
{
	dlines_clear(out);
	if (i >= cur->ncg)
		return;
	const struct cg_sample *c = &cur->cgs[i], *p = prev_cg(prev, c);
	double dt = p ? cur->mono - prev->mono : 0;
	figures(out, cur, i, p, dt);
	files(out, cur, c, p, dt);
	for (int k = 0; k < CG_NKV; k++)
		if (!cg_kvfiles[k].version || cg_kvfiles[k].version == cur->version)
			kvfile(out, c, p, dt, (enum cg_kvfile)k);
	pressure(out, cur, c);
}
