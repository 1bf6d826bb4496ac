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

void driver_init(struct driver *d, struct collector *col)
{
	*d = (struct driver){ .col = col };
	events_init(&d->ev, collector_no_log(col));
}

/* The details the OOM killer's ranking needs (model/victim.h), for the
 * processes of the cgroups near their limits. */
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
	if (n)
		collector_details(d->col, s, idx, n, 0);
	free(idx);
}

int driver_next(struct driver *d)
{
	struct sample *s = d->cur == &d->buf[0] ? &d->buf[1] : &d->buf[0];
	int e = collector_sample(d->col, s);
	if (e)
		return e;
	model_update(d->cur, s);
	history_push(&d->hist, s);
	predict_fill(s, &d->hist);
	details_near_limit(d, s);
	victim_fill(s);
	events_from_samples(&d->ev, d->cur, s);
	diag_fill(s, &d->ev, s->mono);
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
	d->cur = d->prev = NULL;
}

static void add_kill(void *ctx, const struct oom_kill *kill)
{
	struct driver *d = ctx;
	double now = clock_mono();
	if (events_add_kill(&d->ev, kill, d->cur, now, clock_wall()) && d->cur)
		diag_fill(d->cur, &d->ev, now); /* OOM-killed, at once */
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
	collector_oom_kills(d->col, add_kill, d);
	return tell(d, l);
}

int driver_event_fd(const struct driver *d)
{
	return collector_event_fd(d->col);
}

void driver_wait(struct driver *d, const struct driver_loop *l, double until)
{
	int fd = driver_event_fd(d);
	for (double left; (left = until - clock_mono()) > 0;) {
		struct pollfd p = { .fd = fd, .events = POLLIN };
		int n = poll(&p, fd >= 0 ? 1 : 0, isinf(left) ? -1 : (int)ceil(left * 1000));
		if (n > 0)
			driver_events(d, l);
		else if (n < 0)
			return; /* a signal: the front end may have something to do */
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
