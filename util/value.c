/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "util/value.h"

#include <errno.h>

static const char *const reasons[NA_COUNT] = {
	[NA_NONE] = "available",
	[NA_ABSENT] = "no such file or key", /* the kernel does not offer it here */
	[NA_DENIED] = "permission denied",
	[NA_GARBAGE] = "unparsable content",
	[NA_OVERFLOW] = "number out of range",
	[NA_GONE] = "went away while reading",
	[NA_IOERR] = "read error",
	[NA_NOTAPPLY] = "not defined for this cgroup version",
	[NA_NOFD] = "out of file descriptors",
	[NA_DERIVED] = "an input is not available",
	[NA_NOMM] = "no user memory (kernel thread or zombie)",
	[NA_NOTREAD] = "not read in this sample",
	[NA_NOLIB] = "libproc2 cannot read this --root tree",
};

const char *na_reason_str(enum na_reason why)
{
	return why < NA_COUNT ? reasons[why] : "unknown";
}

enum na_reason na_from_errno(int err)
{
	switch (err) {
	case ENOENT:
	case ENOTDIR:
		return NA_ABSENT;
	case EACCES:
	case EPERM:
		return NA_DENIED;
	case ESRCH:
	case ENODEV:
		return NA_GONE;
	case EMFILE:
	case ENFILE:
		return NA_NOFD;
	default:
		return NA_IOERR;
	}
}

val_t val_add(val_t a, val_t b)
{
	if (a.st != V_OK || b.st != V_OK)
		return val_na(NA_DERIVED);
	if (a.v + b.v < a.v)
		return val_na(NA_OVERFLOW);
	return val_ok(a.v + b.v);
}

val_t val_sub_clamp(val_t a, val_t b)
{
	if (a.st != V_OK || b.st != V_OK)
		return val_na(NA_DERIVED);
	return val_ok(a.v > b.v ? a.v - b.v : 0);
}

val_t val_mul(val_t a, uint64_t mul)
{
	if (a.st != V_OK)
		return a;
	if (mul && a.v > UINT64_MAX / mul)
		return val_na(NA_OVERFLOW);
	return val_ok(a.v * mul);
}
