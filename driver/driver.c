/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "driver/driver.h"

#include <math.h>
#include <poll.h>

#include "model/model.h"
#include "util/clock.h"

void driver_init(struct driver *d, struct collector *col)
{
	*d = (struct driver){ .col = col };
}

int driver_next(struct driver *d)
{
	struct sample *s = d->cur == &d->buf[0] ? &d->buf[1] : &d->buf[0];
	int e = collector_sample(d->col, s);
	if (e)
		return e;
	model_update(d->cur, s);
	d->prev = d->cur;
	d->cur = s;
	return 0;
}

void driver_free(struct driver *d)
{
	sample_free(&d->buf[0]);
	sample_free(&d->buf[1]);
	d->cur = d->prev = NULL;
}

static void ignore(void *ctx, const struct oom_kill *kill)
{
	(void)ctx;
	(void)kill;
}

void driver_wait(struct driver *d, const struct driver_loop *l, double until)
{
	int fd = collector_event_fd(d->col);
	for (double left; (left = until - clock_mono()) > 0;) {
		struct pollfd p = { .fd = fd, .events = POLLIN };
		int n = poll(&p, fd >= 0 ? 1 : 0, isinf(left) ? -1 : (int)ceil(left * 1000));
		if (n > 0)
			collector_oom_kills(d->col, l->oom_kill ? l->oom_kill : ignore, l->ctx);
		else if (n < 0)
			return; /* a signal: the front end may have something to do */
	}
}

int driver_run(struct driver *d, const struct driver_loop *l)
{
	for (long n = 0;;) {
		int paused = l->paused && *l->paused;
		if (!paused && clock_mono() >= *l->next) {
			if (l->oom_kill) /* told before the sample that shows what they did */
				collector_oom_kills(d->col, l->oom_kill, l->ctx);
			int e = driver_next(d);
			if (e)
				return e;
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
