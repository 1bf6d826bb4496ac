/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "collectors/cgfiles.h"

const struct cg_file_info cg_files[CG_NFILES] = {
	[F2_CURRENT] = { "memory.current", 2, 0, 0, 0 },
	[F2_MIN] = { "memory.min", 2, 1, 1, 0 },
	[F2_LOW] = { "memory.low", 2, 1, 1, 0 },
	[F2_HIGH] = { "memory.high", 2, 1, 1, 0 },
	[F2_MAX] = { "memory.max", 2, 1, 1, 0 },
	[F2_PEAK] = { "memory.peak", 2, 0, 0, 0 },
	[F2_SWAP_CURRENT] = { "memory.swap.current", 2, 0, 0, 0 },
	[F2_SWAP_HIGH] = { "memory.swap.high", 2, 1, 1, 0 },
	[F2_SWAP_MAX] = { "memory.swap.max", 2, 1, 1, 0 },
	[F2_SWAP_PEAK] = { "memory.swap.peak", 2, 0, 0, 0 },
	[F2_ZSWAP_CURRENT] = { "memory.zswap.current", 2, 0, 0, 0 },
	[F2_ZSWAP_MAX] = { "memory.zswap.max", 2, 1, 1, 0 },
	[F2_OOM_GROUP] = { "memory.oom.group", 2, 0, 1, 1 },
	[F1_USAGE] = { "memory.usage_in_bytes", 1, 0, 0, 0 },
	[F1_LIMIT] = { "memory.limit_in_bytes", 1, 1, 1, 0 },
	[F1_SOFT_LIMIT] = { "memory.soft_limit_in_bytes", 1, 1, 1, 0 },
	[F1_MAX_USAGE] = { "memory.max_usage_in_bytes", 1, 0, 0, 0 },
	[F1_FAILCNT] = { "memory.failcnt", 1, 0, 0, 1 },
	[F1_MEMSW_USAGE] = { "memory.memsw.usage_in_bytes", 1, 0, 0, 0 },
	[F1_MEMSW_LIMIT] = { "memory.memsw.limit_in_bytes", 1, 1, 1, 0 },
	[F1_MEMSW_MAX_USAGE] = { "memory.memsw.max_usage_in_bytes", 1, 0, 0, 0 },
	[F1_MEMSW_FAILCNT] = { "memory.memsw.failcnt", 1, 0, 0, 1 },
	[F1_KMEM_USAGE] = { "memory.kmem.usage_in_bytes", 1, 0, 0, 0 },
	[F1_KMEM_LIMIT] = { "memory.kmem.limit_in_bytes", 1, 1, 1, 0 },
	[F1_SWAPPINESS] = { "memory.swappiness", 1, 0, 1, 1 },
	[F1_USE_HIERARCHY] = { "memory.use_hierarchy", 1, 0, 1, 1 },
};

const struct cg_file_info cg_kvfiles[CG_NKV] = {
	[K_STAT] = { "memory.stat", 0, 0, 0, 0 },
	[K_EVENTS] = { "memory.events", 2, 0, 0, 0 },
	[K_EVENTS_LOCAL] = { "memory.events.local", 2, 0, 0, 0 },
	[K_OOM_CONTROL] = { "memory.oom_control", 1, 0, 0, 0 },
};
