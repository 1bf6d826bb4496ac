/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "util/clock.h"

#include <time.h>

static double secs(clockid_t id)
{
	struct timespec ts;
	clock_gettime(id, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

double clock_mono(void)
{
	return secs(CLOCK_MONOTONIC);
}

double clock_wall(void)
{
	return secs(CLOCK_REALTIME);
}

double clock_boot(void)
{
	return secs(CLOCK_BOOTTIME);
}
