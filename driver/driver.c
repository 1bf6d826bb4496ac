/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "driver/driver.h"

#include "model/model.h"

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
