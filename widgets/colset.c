/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "widgets/colset.h"

#include <stdio.h>
#include <string.h>

void colset_all(struct colset *s, int total)
{
	s->total = total < COLSET_MAX ? total : COLSET_MAX;
	for (s->n = 0; s->n < s->total; s->n++)
		s->k[s->n] = (unsigned char)s->n;
}

int colset_at(const struct colset *s, int k)
{
	for (int i = 0; i < s->n; i++)
		if (s->k[i] == k)
			return i;
	return -1;
}

int colset_toggle(struct colset *s, int k)
{
	int at = colset_at(s, k);
	if (k < 0 || k >= s->total || (at >= 0 && s->n == 1))
		return 0;
	if (at < 0) {
		s->k[s->n++] = (unsigned char)k;
		return 1;
	}
	memmove(&s->k[at], &s->k[at + 1], (size_t)(s->n - at - 1));
	s->n--;
	return 1;
}

int colset_move(struct colset *s, int k, int by)
{
	int at = colset_at(s, k), to = at + by;
	if (at < 0 || to < 0 || to >= s->n)
		return 0;
	s->k[at] = s->k[to];
	s->k[to] = (unsigned char)k;
	return 1;
}

int colset_step(const struct colset *s, int k, int d)
{
	int at = colset_at(s, k);
	if (at < 0)
		return s->k[d > 0 ? 0 : s->n - 1];
	return s->k[((at + d) % s->n + s->n) % s->n];
}

int colset_name(const char *const *names, int total, const char *name)
{
	for (int k = 0; k < total; k++)
		if (strcmp(name, names[k]) == 0)
			return k;
	return -1;
}

int colset_parse(struct colset *s, const char *list, const char *const *names, int total, char *bad, size_t badlen)
{
	char copy[512], *save = NULL;
	snprintf(copy, sizeof(copy), "%s", list);
	colset_all(s, total);
	s->n = 0;
	for (char *t = strtok_r(copy, ",", &save); t; t = strtok_r(NULL, ",", &save)) {
		int k = colset_name(names, s->total, t);
		if (k < 0) {
			snprintf(bad, badlen, "%s", t);
			colset_all(s, total);
			return -1;
		}
		if (colset_at(s, k) < 0)
			s->k[s->n++] = (unsigned char)k;
	}
	if (!s->n)
		colset_all(s, total);
	return 0;
}

void colset_format(const struct colset *s, const char *const *names, char *out, size_t n)
{
	int custom = s->n < s->total;
	for (int i = 0; i < s->n; i++)
		custom |= s->k[i] != i;
	out[0] = 0;
	for (int i = 0, at = 0; custom && i < s->n && (size_t)at < n; i++)
		at += snprintf(out + at, n - (size_t)at, "%s%s", i ? "," : "", names[s->k[i]]);
}

void colset_layout(const struct colset *s, const struct col_spec *spec, int width, int *w, int *x)
{
	struct col_spec shown[COLSET_MAX];
	int ws[COLSET_MAX];
	for (int i = 0; i < s->n; i++)
		shown[i] = spec[s->k[i]];
	table_layout(shown, s->n, width, ws);
	for (int k = 0; k < s->total; k++)
		w[k] = x[k] = 0;
	for (int i = 0; i < s->n; i++) {
		w[s->k[i]] = ws[i];
		x[s->k[i]] = table_col_x(ws, i);
	}
}

int colset_hit(const struct colset *s, const struct col_spec *spec, int width, int x)
{
	int w[COLSET_MAX], cx[COLSET_MAX];
	colset_layout(s, spec, width, w, cx);
	for (int k = 0; k < s->total; k++)
		if (w[k] && x >= cx[k] && x < cx[k] + w[k])
			return k;
	return -1;
}
