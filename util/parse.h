/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef HEADROOM_PARSE_H
#define HEADROOM_PARSE_H

#include <stddef.h>
#include <stdint.h>

#include "util/value.h"

/* Parsers for the text the kernel writes in /proc and cgroupfs. None of them
 * allocates except kvset_parse, which grows the set it is given. */

/* Decimal unsigned 64-bit number at *s; on return *s points past it.
 * Returns V_OK, or V_NA with NA_GARBAGE (no digits) or NA_OVERFLOW. */
val_t parse_u64(const char **s);

/* One line of a pid list (cgroup.procs): its pid, or 0 when the line holds
 * none (garbage, 0, past INT_MAX); *s moves to the start of the next line. */
int parse_pid_line(const char **s);

/* A whole file holding one number, or "max" (v2) / a v1 counter maximum
 * (unlimited). Trailing whitespace is allowed, anything else is garbage. */
val_t parse_limit(const char *text);
/* A whole file holding one number ("max" is garbage here). */
val_t parse_counter(const char *text);

/* v1 reports "no limit" as PAGE_COUNTER_MAX pages in bytes, rounded to the
 * page size: 9223372036854771712 with 4K pages. Anything this large is no
 * limit on any page size up to 64K. */
#define V1_UNLIMITED_MIN 0x7FFFFFFFFFFF0000ULL

/* One "key value" line of a flat-keyed file: memory.stat, memory.events,
 * memory.oom_control, /proc/vmstat. */
struct kv {
	char *key; /* owned by the set */
	size_t klen;
	val_t val;
};

/* An ordered set of keys. Parsing again reuses the key strings when the
 * kernel prints the same keys in the same order (it does), so a sample
 * costs no allocation; a small hash index over the keys, rebuilt only when
 * they change, makes kvset_get O(1). */
struct kvset {
	struct kv *items;
	size_t n, cap;
	uint16_t *index; /* hash slot -> item + 1 (0: empty) */
	size_t index_n;  /* index covers items[0..index_n) */
	int index_ok;    /* ... unless a key was replaced since */
};

/* Replace the set's contents with the keys of text. Lines that are not
 * "key number" keep the key with an N/A value (garbage/overflow). */
void kvset_parse(struct kvset *set, const char *text);
/* The value of key; V_NA/NA_ABSENT when the key is not in the set. */
val_t kvset_get(const struct kvset *set, const char *key);
void kvset_clear(struct kvset *set); /* n = 0; keeps keys and index */
void kvset_free(struct kvset *set);

/* Pressure stall information: "some avg10=.. avg60=.. avg300=.. total=.."
 * and the same for "full". Averages are percentages; total is in us. */
struct psi_line {
	int ok; /* 1 when the line was present and parsed */
	double avg10, avg60, avg300;
	uint64_t total;
};
struct psi {
	struct psi_line some, full;
	uint8_t why; /* enum na_reason when neither line is available */
};
void psi_parse(struct psi *out, const char *text);

#endif
