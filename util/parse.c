/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "util/parse.h"

#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"

static int is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n';
}

val_t parse_u64(const char **s)
{
	const char *p = *s;
	uint64_t v = 0;
	int overflow = 0;

	if (*p < '0' || *p > '9')
		return val_na(NA_GARBAGE);
	for (; *p >= '0' && *p <= '9'; p++) {
		unsigned d = (unsigned)(*p - '0');
		if (v > (UINT64_MAX - d) / 10)
			overflow = 1;
		v = v * 10 + d;
	}
	*s = p;
	return overflow ? val_na(NA_OVERFLOW) : val_ok(v);
}

int parse_pid_line(const char **s)
{
	const char *p = *s;
	val_t pid = parse_u64(&p);
	p += strcspn(p, "\n");
	*s = *p ? p + 1 : p;
	return pid.st == V_OK && pid.v > 0 && pid.v <= 0x7fffffff ? (int)pid.v : 0;
}

static int only_blanks(const char *p)
{
	while (is_blank(*p))
		p++;
	return *p == '\0';
}

val_t parse_counter(const char *text)
{
	const char *p = text;
	val_t v = parse_u64(&p);
	if (v.st == V_OK && !only_blanks(p))
		return val_na(NA_GARBAGE);
	return v;
}

val_t parse_limit(const char *text)
{
	if (strncmp(text, "max", 3) == 0 && only_blanks(text + 3))
		return val_unlimited();
	val_t v = parse_counter(text);
	if (v.st == V_OK && v.v >= V1_UNLIMITED_MIN)
		return val_unlimited();
	return v;
}

/* Index slots: a power of two, at least twice the largest memory.stat. */
#define KV_INDEX 512

static size_t kv_hash(const char *key, size_t klen)
{
	size_t h = 2166136261u; /* FNV-1a */
	for (size_t i = 0; i < klen; i++)
		h = (h ^ (unsigned char)key[i]) * 16777619u;
	return h & (KV_INDEX - 1);
}

static void kvset_index(struct kvset *set)
{
	set->index_n = set->n;
	set->index_ok = set->n <= KV_INDEX / 2;
	if (!set->index_ok)
		return; /* kvset_get falls back to a scan */
	if (!set->index)
		set->index = xcalloc(KV_INDEX, sizeof(*set->index));
	else
		memset(set->index, 0, KV_INDEX * sizeof(*set->index));
	for (size_t i = 0; i < set->n; i++) {
		size_t h = kv_hash(set->items[i].key, set->items[i].klen);
		while (set->index[h])
			h = (h + 1) & (KV_INDEX - 1);
		set->index[h] = (uint16_t)(i + 1);
	}
}

static void kvset_put(struct kvset *set, const char *key, size_t klen, val_t val)
{
	struct kv *at = set->n < set->cap ? &set->items[set->n] : NULL;
	if (at && at->key && at->klen == klen && memcmp(at->key, key, klen) == 0) {
		at->val = val;
		set->n++;
		return;
	}
	set->index_ok = 0;
	if (set->n == set->cap) {
		size_t cap = set->cap ? set->cap * 2 : 16;
		struct kv *items = xreallocarray(set->items, cap, sizeof(*items));
		memset(items + set->cap, 0, (cap - set->cap) * sizeof(*items));
		set->items = items;
		set->cap = cap;
	}
	free(set->items[set->n].key);
	set->items[set->n] = (struct kv){ xstrndup(key, klen), klen, val };
	set->n++;
}

/* Length of the key at p; *same tells whether it equals the key the set
 * held at this position in the previous parse (one pass for both). */
static size_t key_scan(const struct kvset *set, const char *p, int *same)
{
	const char *old = set->n < set->cap && set->items[set->n].key ? set->items[set->n].key : "";
	size_t i = 0;
	while (p[i] && p[i] != ' ' && p[i] != '\n' && p[i] == old[i])
		i++;
	*same = !old[i] && (!p[i] || p[i] == ' ' || p[i] == '\n');
	while (p[i] && p[i] != ' ' && p[i] != '\n')
		i++;
	return i;
}

void kvset_parse(struct kvset *set, const char *text)
{
	const char *p = text;
	set->n = 0;
	while (*p) {
		const char *key = p;
		int same;
		size_t klen = key_scan(set, p, &same);
		p += klen;
		while (*p == ' ')
			p++;
		val_t v = parse_u64(&p);
		if (v.st == V_OK && *p && *p != '\n')
			v = val_na(NA_GARBAGE);
		if (klen && same)
			set->items[set->n++].val = v; /* the same key as last time */
		else if (klen)
			kvset_put(set, key, klen, v);
		while (*p && *p != '\n')
			p++;
		if (*p == '\n')
			p++;
	}
	if (!set->index_ok || set->n != set->index_n)
		kvset_index(set); /* the keys changed: only then */
}

val_t kvset_get(const struct kvset *set, const char *key)
{
	size_t klen = strlen(key);
	if (!set->index_ok || set->n != set->index_n) { /* cleared, or too many keys */
		for (size_t i = 0; i < set->n; i++)
			if (set->items[i].klen == klen && memcmp(set->items[i].key, key, klen) == 0)
				return set->items[i].val;
		return val_na(NA_ABSENT);
	}
	for (size_t h = kv_hash(key, klen); set->index[h]; h = (h + 1) & (KV_INDEX - 1)) {
		const struct kv *kv = &set->items[set->index[h] - 1];
		if (kv->klen == klen && memcmp(kv->key, key, klen) == 0)
			return kv->val;
	}
	return val_na(NA_ABSENT);
}

void kvset_clear(struct kvset *set)
{
	set->n = 0; /* the keys and their index stay for the next parse */
}

void kvset_free(struct kvset *set)
{
	for (size_t i = 0; i < set->cap; i++)
		free(set->items[i].key);
	free(set->items);
	free(set->index);
	*set = (struct kvset){ 0 };
}

/* "avg10=0.12" at p: the number after '=', or -1 on garbage. */
static double psi_field(const char *line, const char *name)
{
	const char *f = strstr(line, name);
	if (!f)
		return -1;
	char *end;
	double d = strtod(f + strlen(name), &end);
	return end == f + strlen(name) ? -1 : d;
}

static void psi_line_parse(struct psi_line *out, const char *text)
{
	char line[256];
	size_t n = strcspn(text, "\n");
	if (n >= sizeof(line))
		n = sizeof(line) - 1;
	memcpy(line, text, n);
	line[n] = '\0';
	const char *t = strstr(line, "total=");
	*out = (struct psi_line){ 0 };
	out->avg10 = psi_field(line, "avg10=");
	out->avg60 = psi_field(line, "avg60=");
	out->avg300 = psi_field(line, "avg300=");
	if (!t || out->avg10 < 0 || out->avg60 < 0 || out->avg300 < 0)
		return;
	t += strlen("total=");
	val_t total = parse_u64(&t);
	if (total.st != V_OK)
		return;
	out->total = total.v;
	out->ok = 1;
}

void psi_parse(struct psi *out, const char *text)
{
	const char *some = strstr(text, "some ");
	const char *full = strstr(text, "full ");
	*out = (struct psi){ 0 };
	if (some == text || (some && some[-1] == '\n'))
		psi_line_parse(&out->some, some);
	if (full && (full == text || full[-1] == '\n'))
		psi_line_parse(&out->full, full);
	if (!out->some.ok && !out->full.ok)
		out->why = NA_GARBAGE;
}
