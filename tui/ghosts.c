/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The processes OOM-killed lately: a row each, first, for a minute, with
 * the last figures headroom read (else the kernel log's) and how long ago. */
#include <stdio.h>
#include <stdlib.h>

#include "tui/procview.h"
#include "util/clock.h"
#include "util/xalloc.h"
#include "widgets/format.h"

#define GHOST_S 60.0 /* seconds a killed process keeps its row */

int procview_path_in_view(const struct app *a, const char *path)
{
	return !a->proc_cg || (path && sample_path_under(path, a->proc_cg));
}


/* A row for the victim of kill event ev: its last figures (headroom's last
 * reading, else what the kernel log said at its death), its command after
 * "OOM-KILLED AGE ago"; its strings are in the struct ghost. */
static void ghost_of(struct ghost *g, const struct event *ev, const struct sample *s, double now)
{
	const struct event_victim *v = &ev->victim;
	const struct oom_kill *k = &ev->kill;
	char age[16];
	val_t res = val_add(val_add(k->anon_rss, k->file_rss), k->shmem_rss);
	g->p = (struct proc_sample){ .pid = k->pid, .cg = sample_find_cg(s, ev->cgroup) }; /* -1: gone too */
	g->p.virt = v->seen ? v->virt : k->total_vm;
	g->p.res = v->seen ? v->res : res;
	g->p.shr = v->seen ? v->shr : val_add(k->file_rss, k->shmem_rss);
	struct proc_detail *d = &g->p.d;
	d->ok = d->asked = d->smaps_asked = 1;
	d->swap = v->seen ? v->swap : val_na(NA_GONE);
	d->rss_anon = k->anon_rss;
	d->rss_file = k->file_rss;
	d->rss_shmem = k->shmem_rss;
	d->pss = d->uss = d->swap_pss = val_na(NA_GONE);
	d->oom_score = sval_na(NA_GONE);
	d->state = 'X'; /* dead, as the kernel names it */
	d->tics = d->began = val_na(NA_GONE);
	d->oom_adj = k->oom_score_adj;
	if (v->user[0])
		snprintf(g->user, sizeof(g->user), "%s", v->user);
	else if (val_is_ok(k->uid))
		snprintf(g->user, sizeof(g->user), "%llu", (unsigned long long)k->uid.v);
	else
		snprintf(g->user, sizeof(g->user), "N/A");
	/* its program without its directory: the row is long already */
	snprintf(g->cmd, sizeof(g->cmd), "OOM-KILLED %s ago: %s", fmt_age(age, sizeof(age), now - ev->mono),
		 v->cmdline[0] ? fmt_command(v->cmdline, 0) : k->comm);
	d->user = g->user;
	d->comm = d->cmdline = g->cmd;
}

static int ghost_matches(const struct event *ev, const char *text)
{
	char pid[16];
	snprintf(pid, sizeof(pid), "%d", ev->kill.pid);
	return !text[0] || rows_match(pid, text) || rows_match(ev->kill.comm, text) ||
	       rows_match(ev->victim.cmdline, text) || rows_match("OOM-KILLED", text);
}

/* In the current sample, and not killed since it was taken. */
static int alive(const struct app *a, int pid)
{
	const struct proc_sample *p = sample_find_proc(a->cur, pid);
	return p && !p->oom_killed;
}

void ghosts_find(struct app *a)
{
	const struct events *e = &a->drv.ev;
	double now = clock_mono();
	a->nghost = 0;
	a->ghosts = xreallocarray(a->ghosts, e->n ? e->n : 1, sizeof(*a->ghosts));
	for (size_t i = 0; i < e->n; i++) {
		const struct event *ev = events_get(e, i);
		if (now - ev->mono > GHOST_S)
			break;
		if (ev->kind != EV_OOM_KILL || !ev->told || !procview_path_in_view(a, ev->cgroup) ||
		    !ghost_matches(ev, a->proc_filter) || alive(a, ev->kill.pid))
			continue;
		a->ghosts[a->nghost++] = ev->seq;
	}
}

/* The event of ghost row i, or NULL once the ring dropped it. */
static const struct event *ghost_event(const struct app *a, int row)
{
	return row >= 0 && (size_t)row < a->nghost ? events_by_seq(&a->drv.ev, a->ghosts[row]) : NULL;
}

const struct proc_sample *procview_row(const struct app *a, int row, struct ghost *g)
{
	if (row < 0)
		return NULL;
	if ((size_t)row < a->nghost) {
		const struct event *ev = ghost_event(a, row);
		if (!ev)
			return NULL;
		ghost_of(g, ev, a->cur, clock_mono());
		return &g->p;
	}
	size_t i = (size_t)row - a->nghost;
	return i < a->nprow ? &a->cur->procs[a->prow[i]] : NULL;
}

int ghosts_row_matches(const struct app *a, int row, const char *text)
{
	const struct event *ev = ghost_event(a, row);
	return ev && ghost_matches(ev, text);
}

const struct proc_sample *procview_selected(const struct app *a, struct ghost *g)
{
	return procview_row(a, a->pl.sel, g);
}
