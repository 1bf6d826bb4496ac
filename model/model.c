/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "model/model.h"

#include "model/cgnorm.h"
#include "model/rates.h"
#include "model/sysnorm.h"

void model_update(const struct sample *prev, struct sample *cur)
{
	cgnorm_fill(cur);
	sysnorm_fill(&cur->sys);
	rates_fill(prev, cur);
}
