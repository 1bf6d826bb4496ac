/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Time to the limit: a least-squares line through the recent usage,
 * trusted only when growth is steady. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "model/predict.h"

#define M 1048576.0

/* A series of n values v(t) = a + b t + noise[k], one every dt seconds. */
static void series(struct hist_series *h, int n, double dt, double a, double b, const double *noise)
{
	*h = (struct hist_series){ .id = 1 };
	for (int k = 0; k < n; k++) {
		h->t[h->head] = k * dt;
		h->v[h->head] = a + b * k * dt + (noise ? noise[k % 4] : 0);
		h->head = (h->head + 1) % HIST_LEN;
		h->n++;
	}
}

static void test_steady(void **state)
{
	(void)state;
	struct hist_series h;
	double bps;
	series(&h, 8, 0.5, 10 * M, 2 * M, NULL); /* 10M, rising 2M/s; the last at 3.5 s: 17M */
	double ttl = predict_ttl(&h, 3.5, val_ok((uint64_t)(64 * M)), &bps);
	assert_float_equal(ttl, (64 - 17) / 2.0, 1e-6); /* 23.5 s */
	assert_float_equal(bps, 2 * M, 1e-3);
	ttl = predict_ttl(&h, 4.0, val_ok((uint64_t)(64 * M)), &bps); /* asked half a second on */
	assert_float_equal(ttl, 23.0, 1e-6);
	/* only the newest PREDICT_POINTS count: an old flat stretch does not bend the line */
	struct hist_series g = { .id = 1 };
	for (int k = 0; k < 30; k++) {
		g.t[k] = k;
		g.v[k] = k < 18 ? 5 * M : 5 * M + (k - 17) * M;
	}
	g.n = g.head = 30; /* flat until 17 s, then 1M/s: at 29 s 17M */
	assert_float_equal(predict_ttl(&g, 29, val_ok((uint64_t)(20 * M)), &bps), 3.0, 1e-6);
}

/* Nothing said: flat, falling, noisy, too few points or too short a span,
 * no limit, at the limit already. */
static void test_not_steady(void **state)
{
	(void)state;
	struct hist_series h;
	double bps;
	val_t lim = val_ok((uint64_t)(64 * M));
	series(&h, 8, 1, 10 * M, 0, NULL);
	assert_true(isnan(predict_ttl(&h, 7, lim, &bps)));
	series(&h, 8, 1, 40 * M, -1 * M, NULL);
	assert_true(isnan(predict_ttl(&h, 7, lim, &bps)));
	static const double noise[4] = { 0, 6 * M, -6 * M, 3 * M }; /* 1M/s under +-6M of noise */
	series(&h, 8, 1, 10 * M, 1 * M, noise);
	assert_true(isnan(predict_ttl(&h, 7, lim, &bps)));
	assert_true(isnan(bps));
	series(&h, PREDICT_MIN_POINTS - 1, 1, 10 * M, 1 * M, NULL);
	assert_true(isnan(predict_ttl(&h, 2, lim, &bps)));
	series(&h, 8, 0.02, 10 * M, 1 * M, NULL); /* 8 points in 0.14 s */
	assert_true(isnan(predict_ttl(&h, 0.14, lim, &bps)));
	series(&h, 8, 1, 10 * M, 1 * M, NULL);
	assert_true(isnan(predict_ttl(&h, 7, val_unlimited(), &bps)));
	assert_true(isnan(predict_ttl(&h, 7, val_ok((uint64_t)(17 * M)), &bps))); /* there */
	assert_true(isnan(predict_ttl(&h, 30, lim, &bps))); /* the points are older than the span */
	assert_true(isnan(predict_ttl(NULL, 7, lim, &bps)));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_steady),
		cmocka_unit_test(test_not_steady),
	};
	return cmocka_run_group_tests_name("time to limit", tests, NULL, NULL);
}
