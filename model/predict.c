/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "model/predict.h"

#include <math.h>

/* Sums for a least-squares line v = a + b t, t taken from t0. */
struct fit {
	int n;
	double t0, st, sv, stt, svv, stv, first, last;
};

static void fit_add(struct fit *f, double t, double v)
{
	if (!f->n)
		f->t0 = f->last = t;
	t -= f->t0;
	f->n++;
	f->st += t;
	f->sv += v;
	f->stt += t * t;
	f->svv += v * v;
	f->stv += t * v;
	f->first = t; /* points come newest first: the last added is the oldest */
}

/* The newest points of h within the span, into f. */
static void fit_points(struct fit *f, const struct hist_series *h, double now)
{
	for (int k = 0; k < h->n && f->n < PREDICT_POINTS; k++) {
		int i = (h->head - 1 - k + HIST_LEN) % HIST_LEN;
		if (now - h->t[i] > PREDICT_SPAN_S)
			break;
		if (!isnan(h->v[i]))
			fit_add(f, h->t[i], h->v[i]);
	}
}

double predict_ttl(const struct hist_series *h, double now, val_t limit, double *bps)
{
	struct fit f = { 0 };
	*bps = NAN;
	if (!h || !val_is_ok(limit))
		return NAN;
	fit_points(&f, h, now);
	double n = f.n, span = -f.first; /* t measured from the newest, the oldest is -span */
	double dtt = n * f.stt - f.st * f.st, dvv = n * f.svv - f.sv * f.sv;
	if (f.n < PREDICT_MIN_POINTS || span < PREDICT_MIN_SPAN_S || dtt <= 0)
		return NAN;
	double b = (n * f.stv - f.st * f.sv) / dtt, a = (f.sv - b * f.st) / n;
	double r2 = dvv > 0 ? b * b * dtt / dvv : 0; /* the share of the variance the line explains */
	double at = a + b * (now - f.last); /* the line, now */
	if (b <= 0 || r2 < PREDICT_MIN_R2 || at >= (double)limit.v)
		return NAN;
	*bps = b;
	return ((double)limit.v - at) / b;
}

void predict_fill(struct sample *s, const struct history *h)
{
	for (size_t i = 0; i < s->ncg; i++) {
		struct cg_sample *c = &s->cgs[i];
		c->diag.ttl = predict_ttl(history_cg(h, c->id), s->mono, c->n.eff_limit, &c->diag.ttl_bps);
	}
}
