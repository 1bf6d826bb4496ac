/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef HEADROOM_MODEL_H
#define HEADROOM_MODEL_H

#include "collectors/sample.h"

/* Every figure derived from what the collectors read, in one pass over a
 * new sample: the normalized cgroup figures and effective limits
 * (model/cgnorm.h), the system's used, cache and kernel memory
 * (model/sysnorm.h), then the rates against the previous sample
 * (model/rates.h). prev may be NULL (the first sample: rates N/A). */
void model_update(const struct sample *prev, struct sample *cur);

#endif
