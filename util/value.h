/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef HEADROOM_VALUE_H
#define HEADROOM_VALUE_H

#include <stdbool.h>
#include <stdint.h>

/* A figure read from the kernel, and whether it is available. A value the
 * kernel did not give is never 0: it is N/A with the reason why. */
enum val_state {
	V_OK = 0,    /* .v holds the figure */
	V_UNLIMITED, /* a limit that is not set ("max", v1 PAGE_COUNTER_MAX) */
	V_NA,	     /* not available; .why says why */
};

enum na_reason {
	NA_NONE = 0,
	NA_ABSENT,   /* the file or key does not exist on this kernel */
	NA_DENIED,   /* EACCES / EPERM */
	NA_GARBAGE,  /* content did not parse */
	NA_OVERFLOW, /* number does not fit 64 bits */
	NA_GONE,     /* process or cgroup went away while reading */
	NA_IOERR,    /* any other read error */
	NA_NOTAPPLY, /* figure does not exist for this cgroup version */
	NA_NOFD,     /* out of file descriptors */
	NA_DERIVED,  /* an input of a computed figure is N/A */
	NA_NOMM,     /* process has no user memory (kernel thread, zombie) */
	NA_NOTREAD,  /* not asked for in this sample */
	NA_NOLIB,    /* libproc2 cannot read this --root tree */
	NA_COUNT
};

typedef struct {
	uint64_t v;
	uint8_t st;  /* enum val_state */
	uint8_t why; /* enum na_reason when st == V_NA */
} val_t;

/* The same for a signed figure (oom_score_adj runs from -1000 to 1000). */
typedef struct {
	int64_t v;
	uint8_t st, why;
} sval_t;

static inline val_t val_ok(uint64_t v)
{
	return (val_t){ .v = v, .st = V_OK };
}
static inline val_t val_na(enum na_reason why)
{
	return (val_t){ .st = V_NA, .why = (uint8_t)why };
}
static inline val_t val_unlimited(void)
{
	return (val_t){ .st = V_UNLIMITED };
}
static inline sval_t sval_ok(int64_t v)
{
	return (sval_t){ .v = v, .st = V_OK };
}
static inline sval_t sval_na(enum na_reason why)
{
	return (sval_t){ .st = V_NA, .why = (uint8_t)why };
}
static inline bool val_is_ok(val_t x)
{
	return x.st == V_OK;
}

/* Short words for a reason, e.g. "absent", "permission denied". */
const char *na_reason_str(enum na_reason why);
/* Map an errno from open/read to a reason. */
enum na_reason na_from_errno(int err);

/* Arithmetic that carries availability: N/A in -> N/A (NA_DERIVED) out. */
val_t val_add(val_t a, val_t b);
/* a - b, clamped at 0. */
val_t val_sub_clamp(val_t a, val_t b);
/* a scaled by mul (e.g. pages to bytes); overflow is NA_OVERFLOW. */
val_t val_mul(val_t a, uint64_t mul);

#endif
