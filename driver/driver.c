/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "driver/driver.h"

#include <errno.h>
#include <math.h>
#include <time.h>

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

static int sleep_until(double until)
{
	struct timespec ts = { (time_t)until, (long)((until - floor(until)) * 1e9) };
	while (clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &ts, NULL) == EINTR)
		;
	return 0;
}

int driver_run(struct driver *d, const struct driver_loop *l)
{
	for (long n = 0;;) {
		int paused = l->paused && *l->paused;
		if (!paused && clock_mono() >= *l->next) {
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
		if (l->wait ? l->wait(l->ctx, until) : sleep_until(until))
			return 0;
	}
}
