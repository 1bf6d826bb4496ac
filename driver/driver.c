/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "driver/driver.h"

#include <math.h>
#include <poll.h>
#include <stdlib.h>

#include "model/diagnose.h"
#include "model/model.h"
#include "model/predict.h"
#include "model/victim.h"
#include "util/xalloc.h"
#include "util/clock.h"

/* What the kernel told while the driver waited. */
struct told {
	struct driver *d;
	const struct driver_loop *l;
	int due; /* a sample was moved sooner */
};

void driver_init(struct driver *d, struct collector *col)
{
	*d = (struct driver){ .col = col };
	events_init(&d->ev, collector_no_log(col));
}

/* The details the OOM killer's ranking needs (model/victim.h: libproc2's,
 * and the page tables), for the processes of the cgroups near their limits. */
static void details_near_limit(struct driver *d, struct sample *s)
{
	size_t *idx = NULL, n = 0;
	for (size_t j = 0; j < s->ncg; j++) {
		if (!victim_watched(s, j))
			continue;
		if (!idx)
			idx = xcalloc(s->nproc + 1, sizeof(*idx));
		for (size_t k = 0; k < s->nproc; k++)
			if (!s->procs[k].d.asked && victim_in_subtree(s, &s->procs[k], (int)j))
				idx[n++] = k;
	}
	if (n) {
		collector_details(d->col, s, idx, n, 0);
		collector_pgtables(d->col, s, idx, n);
	}
	free(idx);
}

/* Which cgroups get a PSI trigger: those with a limit of their own, the
 * shallowest first, at most DRIVER_TRIGGERS (a privileged trigger costs
 * the kernel a thread per cgroup). */
static void watch_cgroups(struct driver *d, const struct sample *s)
{
	uint8_t *want = xcalloc(s->ncg + 1, 1);
	int n = 0, deepest = 0;
	for (size_t i = 0; i < s->ncg; i++)
		deepest = s->cgs[i].depth > deepest ? s->cgs[i].depth : deepest;
	for (int depth = 0; depth <= deepest && n < DRIVER_TRIGGERS; depth++)
		for (size_t i = 0; i < s->ncg && n < DRIVER_TRIGGERS; i++)
			if (s->cgs[i].depth == depth && val_is_ok(s->cgs[i].n.limit))
				want[i] = 1, n++;
	collector_watch(d->col, s, want);
	free(want);
}

int driver_next(struct driver *d)
{
	struct sample *s = d->cur == &d->buf[0] ? &d->buf[1] : &d->buf[0];
	int e = collector_sample(d->col, s);
	if (e)
		return e;
	events_mark_victims(&d->ev, d->cur, s);
	model_update(d->cur, s);
	history_push(&d->hist, s);
	predict_fill(s, &d->hist);
	details_near_limit(d, s);
	victim_fill(s);
	events_from_samples(&d->ev, d->cur, s);
	diag_fill(s, &d->ev, s->mono);
	watch_cgroups(d, s);
	d->prev = d->cur;
	d->cur = s;
	return 0;
}

void driver_free(struct driver *d)
{
	sample_free(&d->buf[0]);
	sample_free(&d->buf[1]);
	events_free(&d->ev);
	history_free(&d->hist);
	free(d->pfd);
	d->pfd = NULL;
	d->npfd = 0;
	d->cur = d->prev = NULL;
}

static void sample_soon(struct told *t, double after);

/* A kill the kernel log told: an event, and a sample of what it left (its
 * diagnoses say the kill). */
static void add_kill(void *ctx, const struct oom_kill *kill)
{
	struct told *t = ctx;
	if (events_add_kill(&t->d->ev, kill, t->d->cur, clock_mono(), clock_wall()))
		sample_soon(t, 0);
}

/* Hand the events not yet handed, oldest first (those the ring dropped
 * before they could be are skipped). */
static int tell(struct driver *d, const struct driver_loop *l)
{
	int n = 0;
	for (; d->told < d->ev.seq; d->told++) {
		const struct event *ev = events_by_seq(&d->ev, d->told + 1);
		if (ev && l->event) {
			l->event(l->ctx, ev);
			n++;
		}
	}
	return n;
}

int driver_events(struct driver *d, const struct driver_loop *l)
{
	struct told t = { .d = d, .l = l };
	struct collector_tell ct = { .kill = add_kill, .note = NULL, .ctx = &t };
	collector_oom_kills(d->col, &ct);
	return tell(d, l);
}

/* The newest sample's cgroup with that id, or NULL. */
static const struct cg_sample *cg_by_id(const struct driver *d, uint64_t id)
{
	for (size_t i = 0; d->cur && i < d->cur->ncg; i++)
		if (d->cur->cgs[i].id == id)
			return &d->cur->cgs[i];
	return NULL;
}

/* A limit hit or throttling the newest sample does not show yet, and not
 * told within the quiet time: a sample tells it. Once one shows it, the
 * kernel's further notifications (up to 100 a second) wait their turn. */
static int begins(const struct driver *d, const struct watch_note *n)
{
	const struct cg_sample *c = cg_by_id(d, n->id);
	if (!c)
		return 1;
	val_t rising = n->what == WATCH_MAX ? c->r.new_hits_local : c->r.new_high_local;
	const struct event *last = events_last_in(&d->ev, n->what == WATCH_MAX ? EV_LIMIT_HIT : EV_HIGH, c->path);
	return !(val_is_ok(rising) && rising.v > 0) && !(last && clock_mono() - last->mono < EVENTS_QUIET_S);
}

/* A sample `after` seconds from now, or as soon after as one may be taken:
 * DRIVER_SOON_S after the last. */
static void sample_soon(struct told *t, double after)
{
	double at = clock_mono() + after;
	if (t->d->cur && at < t->d->cur->mono + DRIVER_SOON_S)
		at = t->d->cur->mono + DRIVER_SOON_S;
	if (at < *t->l->next) {
		*t->l->next = at;
		t->due = 1;
	}
}

static void on_note(void *ctx, const struct watch_note *n)
{
	struct told *t = ctx;
	if (n->what == WATCH_PRESSURE)
		events_add_pressure(&t->d->ev, n->path, &n->psi, n->since_last, clock_mono(), clock_wall());
	else if (n->what == WATCH_OOM)
		sample_soon(t, DRIVER_OOM_SETTLE_S);
	else if ((n->what != WATCH_MAX && n->what != WATCH_HIGH) || begins(t->d, n))
		sample_soon(t, 0); /* a cgroup made or gone, a limit written or begun to be hit */
}

int driver_poll(struct driver *d, const struct driver_loop *l, int fd, double until)
{
	size_t n = 1 + collector_npollfds(d->col);
	if (n > d->npfd) {
		free(d->pfd);
		d->pfd = xcalloc(n, sizeof(*d->pfd));
		d->npfd = n;
	}
	d->pfd[0] = (struct pollfd){ .fd = fd, .events = POLLIN };
	collector_pollfds(d->col, d->pfd + 1);
	double left = until - clock_mono();
	int r = poll(d->pfd, n, isinf(left) ? -1 : left <= 0 ? 0 : (int)ceil(left * 1000));
	if (r <= 0)
		return r;
	struct told t = { .d = d, .l = l };
	struct collector_tell ct = { .kill = add_kill, .note = on_note, .ctx = &t };
	collector_told(d->col, d->pfd + 1, &ct);
	int told = tell(d, l);
	return (d->pfd[0].revents ? DRIVER_FD : 0) | (told ? DRIVER_TOLD : 0) | (t.due ? DRIVER_DUE : 0) |
	       DRIVER_WOKE;
}

void driver_wait(struct driver *d, const struct driver_loop *l, double until)
{
	while (clock_mono() < until) {
		int r = driver_poll(d, l, -1, until);
		if (r < 0 || (r & DRIVER_DUE))
			return; /* a signal, or a sample sooner */
	}
}

int driver_run(struct driver *d, const struct driver_loop *l)
{
	for (long n = 0;;) {
		int paused = l->paused && *l->paused;
		if (!paused && clock_mono() >= *l->next) {
			driver_events(d, l); /* kills told before the sample that shows what they did */
			int e = driver_next(d);
			if (e)
				return e;
			tell(d, l);
			n++;
			if (l->sample(l->ctx, d) || (l->count && n >= l->count))
				return 0;
			*l->next += *l->interval;
			if (*l->next < clock_mono()) /* fell behind: no burst to catch up */
				*l->next = clock_mono() + *l->interval;
		}
		double until = l->paused && *l->paused ? INFINITY : *l->next;
		if (l->wait) {
			if (l->wait(l->ctx, until))
				return 0;
		} else {
			driver_wait(d, l, until);
		}
	}
}
