/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "model/events.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"

const char *const event_kind_names[EV_NKINDS] = {
	[EV_OOM_KILL] = "oom_kill",   [EV_LIMIT_HIT] = "limit_hit", [EV_HIGH] = "high_throttled",
	[EV_STALL] = "oom_stall",     [EV_STALL_END] = "oom_stall_end", [EV_SWAP] = "swap_start",
	[EV_LIMIT_SET] = "limit_set", [EV_CG_NEW] = "cgroup_new",   [EV_CG_GONE] = "cgroup_gone",
	[EV_PRESSURE] = "pressure",
};

void events_init(struct events *e, const char *no_log)
{
	*e = (struct events){ .ring = xcalloc(EVENTS_KEEP, sizeof(*e->ring)), .no_log = no_log };
}

void events_free(struct events *e)
{
	free(e->ring);
	e->ring = NULL;
	e->n = 0;
}

const struct event *events_get(const struct events *e, size_t i)
{
	if (i >= e->n)
		return NULL;
	return &e->ring[(e->seq - 1 - i) % EVENTS_KEEP];
}

const struct event *events_by_seq(const struct events *e, uint64_t seq)
{
	if (seq == 0 || seq > e->seq || e->seq - seq >= e->n)
		return NULL;
	return events_get(e, (size_t)(e->seq - seq));
}

/* A new event of kind about path, zeroed but for those. */
static struct event *add(struct events *e, enum event_kind kind, const char *path, double mono, double wall)
{
	struct event *ev = &e->ring[e->seq % EVENTS_KEEP];
	*ev = (struct event){ .seq = ++e->seq, .kind = kind, .mono = mono, .wall = wall };
	ev->before = ev->after = ev->count = val_na(NA_NOTAPPLY);
	snprintf(ev->cgroup, sizeof(ev->cgroup), "%s", path);
	if (e->n < EVENTS_KEEP)
		e->n++;
	e->count[kind]++;
	return ev;
}

static void copy_str(char *dst, size_t n, const char *src)
{
	snprintf(dst, n, "%s", src ? src : "");
}

/* The victim's last reading from cur, where it is then marked killed. */
static void victim_from(struct event_victim *v, struct sample *cur, int pid)
{
	struct proc_sample *p = sample_find_proc(cur, pid);
	if (!p) {
		*v = (struct event_victim){ 0 };
		v->virt = v->res = v->shr = v->swap = val_na(NA_GONE);
		return;
	}
	p->oom_killed = 1;
	v->seen = 1;
	v->virt = p->virt;
	v->res = p->res;
	v->shr = p->shr;
	v->swap = p->d.ok ? p->d.swap : val_na(NA_NOTREAD);
	copy_str(v->user, sizeof(v->user), p->d.ok ? p->d.user : NULL);
	copy_str(v->cmdline, sizeof(v->cmdline), p->d.ok ? p->d.cmdline : NULL);
}

const struct event *events_add_kill(struct events *e, const struct oom_kill *k, struct sample *cur, double mono,
				    double wall)
{
	if (cur && cur->ncg && !sample_path_under(k->task_memcg, cur->cgs[0].path) &&
	    !sample_path_under(k->oom_memcg, cur->cgs[0].path))
		return NULL; /* outside the cgroups shown */
	const char *path = k->task_memcg[0] ? k->task_memcg : k->oom_memcg;
	struct event *ev = add(e, EV_OOM_KILL, path, mono, wall);
	ev->told = 1;
	ev->kill = *k;
	ev->count = val_ok(1);
	victim_from(&ev->victim, cur, k->pid);
	return ev;
}

const struct event *events_add_pressure(struct events *e, const char *path, const struct psi *psi, double since_last,
					double mono, double wall)
{
	if (since_last < EVENTS_QUIET_S)
		return NULL; /* the same spell of pressure */
	struct event *ev = add(e, EV_PRESSURE, path, mono, wall);
	ev->psi = *psi;
	return ev;
}

void events_mark_victims(const struct events *e, struct sample *prev, struct sample *cur)
{
	for (size_t i = 0; prev && i < prev->nproc; i++) { /* still dying when cur was read */
		const struct proc_sample *q = &prev->procs[i];
		struct proc_sample *p = q->oom_killed ? sample_find_proc(cur, q->pid) : NULL; /* a flag a process: no lookup */
		if (p && p->id == q->id)
			p->oom_killed = 1;
	}
	for (size_t i = 0; i < e->n; i++) { /* told since prev was read */
		const struct event *ev = events_get(e, i);
		if (prev && ev->mono < prev->mono)
			break; /* newest first: the rest are older */
		if (ev->kind != EV_OOM_KILL || !ev->told)
			continue;
		struct proc_sample *p = sample_find_proc(cur, ev->kill.pid), *q = sample_find_proc(prev, ev->kill.pid);
		if (p && (!q || q->id == p->id))
			p->oom_killed = 1;
	}
}

/* ---- between two samples ---- */

static int rose(val_t new_events)
{
	return val_is_ok(new_events) && new_events.v > 0;
}

/* A counter that began to rise (it did not in the interval before), told
 * once in EVENTS_QUIET_S. */
static void began(struct events *e, enum event_kind kind, const struct cg_sample *c, val_t now, val_t before,
		  const struct sample *cur)
{
	if (!rose(now) || rose(before))
		return;
	const struct event *last = events_last_in(e, kind, c->path);
	if (last && cur->mono - last->mono < EVENTS_QUIET_S)
		return;
	add(e, kind, c->path, cur->mono, cur->wall)->count = now;
}

static int limits_differ(val_t a, val_t b)
{
	if (a.st == V_NA || b.st == V_NA)
		return 0;
	return a.st != b.st || (a.st == V_OK && a.v != b.v);
}

static int is_one(val_t v)
{
	return val_is_ok(v) && v.v == 1;
}

/* What changed in one cgroup that lived in both samples. */
static void changed(struct events *e, const struct cg_sample *p, const struct cg_sample *c, const struct sample *cur)
{
	double t = cur->mono, w = cur->wall;
	if (limits_differ(p->n.limit, c->n.limit)) {
		struct event *ev = add(e, EV_LIMIT_SET, c->path, t, w);
		ev->before = p->n.limit;
		ev->after = c->n.limit;
	}
	began(e, EV_LIMIT_HIT, c, c->r.new_hits_local, p->r.new_hits_local, cur);
	began(e, EV_HIGH, c, c->r.new_high_local, p->r.new_high_local, cur);
	if (!is_one(p->n.under_oom) && is_one(c->n.under_oom))
		add(e, EV_STALL, c->path, t, w);
	else if (is_one(p->n.under_oom) && val_is_ok(c->n.under_oom) && c->n.under_oom.v == 0)
		add(e, EV_STALL_END, c->path, t, w);
	if (val_is_ok(p->n.swap) && p->n.swap.v == 0 && val_is_ok(c->n.swap) && c->n.swap.v > 0) {
		struct event *ev = add(e, EV_SWAP, c->path, t, w);
		ev->before = p->n.swap;
		ev->after = c->n.swap;
	}
}

/* Kills the counters show in c's own processes (the log not read). A
 * cgroup made since the last sample counts all it has. */
static void counted_kills(struct events *e, const struct cg_sample *p, const struct cg_sample *c,
			  const struct sample *cur)
{
	val_t n = p ? c->r.new_kills_local : c->n.kills_local;
	if (!rose(n))
		return;
	struct event *ev = add(e, EV_OOM_KILL, c->path, cur->mono, cur->wall);
	ev->count = n;
	ev->no_log = e->no_log;
}

void events_from_samples(struct events *e, const struct sample *prev, const struct sample *cur)
{
	if (!prev)
		return;
	uint8_t *kept = xcalloc(prev->ncg ? prev->ncg : 1, 1); /* prev's cgroups still in cur */
	for (size_t i = 0; i < cur->ncg; i++) {
		const struct cg_sample *c = &cur->cgs[i];
		const struct cg_sample *p = c->prev >= 0 && (size_t)c->prev < prev->ncg ? &prev->cgs[c->prev] : NULL;
		if (p)
			kept[c->prev] = 1;
		if (!p)
			add(e, EV_CG_NEW, c->path, cur->mono, cur->wall);
		else
			changed(e, p, c, cur);
		if (e->no_log)
			counted_kills(e, p, c, cur);
	}
	for (size_t i = 0; i < prev->ncg; i++)
		if (!kept[i])
			add(e, EV_CG_GONE, prev->cgs[i].path, cur->mono, cur->wall);
	if (e->no_log && !cur->version && rose(cur->sys.new_oom_kills)) { /* no cgroups to tell them by */
		struct event *ev = add(e, EV_OOM_KILL, "", cur->mono, cur->wall);
		ev->count = cur->sys.new_oom_kills;
		ev->no_log = e->no_log;
	}
	free(kept);
}

/* ---- asking ---- */

const struct event *events_last_in(const struct events *e, enum event_kind kind, const char *path)
{
	for (size_t i = 0; i < e->n; i++) {
		const struct event *ev = events_get(e, i);
		if (ev->kind == kind && strcmp(ev->cgroup, path) == 0)
			return ev;
	}
	return NULL;
}

unsigned events_count_in(const struct events *e, enum event_kind kind, const char *path)
{
	unsigned n = 0;
	for (size_t i = 0; i < e->n; i++) {
		const struct event *ev = events_get(e, i);
		if (ev->kind == kind && strcmp(ev->cgroup, path) == 0)
			n += val_is_ok(ev->count) ? (unsigned)ev->count.v : 1;
	}
	return n;
}

const struct event *events_kill_of(const struct events *e, int pid)
{
	for (size_t i = 0; i < e->n; i++) {
		const struct event *ev = events_get(e, i);
		if (ev->kind == EV_OOM_KILL && ev->told && ev->kill.pid == pid)
			return ev;
	}
	return NULL;
}
