/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "model/sysnorm.h"

void sysnorm_fill(struct sys_sample *m)
{
	m->used = val_sub_clamp(m->mem_total, m->mem_available); /* procps 4's free: not MemTotal - MemFree */
	m->cache = val_sub_clamp(val_add(m->cached, m->buffers), m->shmem);
	m->kernel = val_add(val_add(m->slab, m->kernel_stack), m->page_tables);
	m->swap_used = val_sub_clamp(m->swap_total, m->swap_free);
}
