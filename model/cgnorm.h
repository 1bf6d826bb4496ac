/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef HEADROOM_CGNORM_H
#define HEADROOM_CGNORM_H

#include <stddef.h>

#include "collectors/sample.h"

/* Fill every cgroup's normalized view (cg_sample.n) from the files read,
 * including the effective limit. Parents come before children in s->cgs. */
void cgnorm_fill(struct sample *s);

/* The share of the effective limit taken by what cannot be reclaimed
 * (usage less reclaimable), in percent: how close the cgroup is to its
 * limit in earnest (the dashboard colours rows by it). NAN when usage,
 * reclaimable or the limit is N/A. */
double cgnorm_unreclaimable_pct(const struct cg_norm *n);

/* A key of a flat-keyed file, N/A with the file's own reason when the file
 * could not be read. */
val_t cg_kv(const struct cg_sample *c, enum cg_kvfile k, const char *key);

/* Each normalized figure: its name (the JSON key), where it sits in struct
 * cg_norm, and the file it comes from on each version (also in
 * docs/headroom.1, FIGURES). */
struct cg_norm_field {
	const char *name;
	size_t off; /* of a val_t in struct cg_norm */
	const char *v2, *v1;
	int setting; /* a limit or protection someone wrote, not a measurement */
};
extern const struct cg_norm_field cg_norm_fields[];
extern const size_t cg_norm_nfields; /* the table's length */

static inline val_t cg_norm_get(const struct cg_norm *n, const struct cg_norm_field *f)
{
	return *(const val_t *)(const void *)((const char *)n + f->off);
}

#endif
