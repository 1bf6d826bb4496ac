/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef HEADROOM_CGNORM_H
#define HEADROOM_CGNORM_H

#include "collectors/sample.h"

/* Fill every cgroup's normalized view (cg_sample.n) from the files read,
 * including the effective limit. Parents come before children in s->cgs. */
void cgnorm_fill(struct sample *s);

/* A key of a flat-keyed file, N/A with the file's own reason when the file
 * could not be read. */
val_t cg_kv(const struct cg_sample *c, enum cg_kvfile k, const char *key);

#endif
