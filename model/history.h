/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef HEADROOM_HISTORY_H
#define HEADROOM_HISTORY_H

#include <stddef.h>
#include <stdint.h>

#include "collectors/sample.h"

/* What the sparklines and "recently" marks need from past samples: each
 * cgroup's usage and the system's PSI some avg10, the last HIST_LEN
 * samples, and when each cgroup last had an OOM kill. Owned by the front
 * end; fed one sample at a time. */
#define HIST_LEN 600

struct hist_series {
	uint64_t id;       /* cgroup id (cg_sample.id) */
	double v[HIST_LEN]; /* ring; NAN for N/A */
	double t[HIST_LEN]; /* CLOCK_MONOTONIC seconds of each value */
	int n, head;       /* values held; next slot */
	double last_oom;   /* time of the last sample with new OOM kills; -1 never */
	unsigned mark;
};

struct history {
	struct hist_series **cg; /* each allocated alone; the pointers sorted by id */
	size_t ncg;
	struct hist_series psi; /* system memory PSI some avg10 */
	unsigned gen;
};

void history_push(struct history *h, const struct sample *s);
void history_free(struct history *h);
/* A cgroup's series, or NULL; valid until the next history_push. */
const struct hist_series *history_cg(const struct history *h, uint64_t id);

/* The last `span` seconds of a series in `width` buckets, oldest first;
 * each bucket the largest value in it, NAN when it holds none. */
void history_buckets(const struct hist_series *s, double now, double span, double *out, int width);

#endif
