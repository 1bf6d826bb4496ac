/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "tui/dlines.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"

struct dline *dlines_add(struct dlines *d)
{
	if (d->n == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 64;
		d->v = xreallocarray(d->v, d->cap, sizeof(*d->v));
	}
	struct dline *l = &d->v[d->n++];
	memset(l, 0, sizeof(*l));
	l->st = ST_NORMAL;
	return l;
}

void dlines_heading(struct dlines *d, const char *title)
{
	if (d->n)
		dlines_add(d); /* a blank line before each section but the first */
	struct dline *l = dlines_add(d);
	snprintf(l->label, sizeof(l->label), "%s", title);
	l->heading = 1;
	l->st = ST_TITLE;
}

void dlines_clear(struct dlines *d)
{
	d->n = 0;
}

void dlines_free(struct dlines *d)
{
	free(d->v);
	memset(d, 0, sizeof(*d));
}

int dlines_find(const struct dlines *d, const char *label)
{
	for (size_t i = 0; i < d->n; i++)
		if (strcmp(d->v[i].label, label) == 0)
			return (int)i;
	return -1;
}
