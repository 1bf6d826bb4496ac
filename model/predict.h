/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef HEADROOM_PREDICT_H
#define HEADROOM_PREDICT_H

#include "collectors/sample.h"
#include "model/history.h"

/* When a cgroup will reach its effective limit, from the recent trend of
 * its usage: a least-squares line through the last PREDICT_POINTS samples
 * of the last PREDICT_SPAN_S seconds, trusted only when growth is steady
 * (at least PREDICT_MIN_POINTS points over PREDICT_MIN_SPAN_S, rising, R²
 * at least PREDICT_MIN_R2) and the limit not yet reached. */
#define PREDICT_SPAN_S 20 /* (integers where a rule's words say them: model/diagnose.c) */
#define PREDICT_POINTS 12
#define PREDICT_MIN_POINTS 4
#define PREDICT_MIN_SPAN_S 0.25
#define PREDICT_MIN_R2 0.9

/* Seconds from now until the series reaches limit (*bps: the slope, bytes
 * per second), or NAN: no limit, not rising, too few points, too noisy, or
 * already there. */
double predict_ttl(const struct hist_series *h, double now, val_t limit, double *bps);

/* Every cgroup's cg_diag.ttl / ttl_bps in s, from the history (which holds
 * s already). */
void predict_fill(struct sample *s, const struct history *h);

#endif
