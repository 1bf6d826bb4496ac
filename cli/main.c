/* SPDX-License-Identifier: GPL-2.0-or-later */
/* headroom: live memory dashboard for Linux cgroups. */
#include <errno.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "collectors/collector.h"
#include "driver/driver.h"
#include "tui/app.h"
#include "output/batch.h"
#include "output/json.h"
#include "lab/lab.h"
#include "cli/options.h"

static void wait_until(struct timespec *next, double delay)
{
	long long ns = next->tv_nsec + (long long)(delay * 1e9);
	next->tv_sec += (time_t)(ns / 1000000000LL);
	next->tv_nsec = (long)(ns % 1000000000LL);
	while (clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, next, NULL) == EINTR)
		;
}

static int run(struct collector *c, const struct options *o)
{
	struct driver d;
	struct timespec next;
	int rc = 0;
	driver_init(&d, c);
	clock_gettime(CLOCK_MONOTONIC, &next);
	for (long i = 0; o->count == 0 || i < o->count; i++) {
		if (i)
			wait_until(&next, o->delay);
		if (driver_next(&d) != 0) {
			fprintf(stderr, "headroom: cgroup %s went away\n", o->cgroup ? o->cgroup : "/");
			rc = 1;
			break;
		}
		collector_details(c, d.cur, NULL, 0, o->smaps);
		if (o->mode == OUT_JSON)
			json_print(stdout, d.cur);
		else
			batch_print(stdout, d.cur);
		if (fflush(stdout) != 0) {
			rc = 1;
			break;
		}
	}
	driver_free(&d);
	return rc;
}

int main(int argc, char **argv)
{
	struct options o;
	char err[512];
	setlocale(LC_ALL, "");
	signal(SIGPIPE, SIG_DFL);
	if (argc > 1 && strcmp(argv[1], "eat") == 0)
		return eat_main(argc - 1, argv + 1);
	if (argc > 1 && strcmp(argv[1], "run") == 0)
		return run_main(argc - 1, argv + 1);
	if (options_parse(&o, argc, argv, stderr) != 0)
		return 2;
	if (o.help || o.version) {
		if (o.help)
			options_usage(stdout);
		else
			printf("headroom %s\n", HEADROOM_VERSION);
		return 0;
	}
	const char *nc = getenv("NO_COLOR"); /* no-color.org: set and not empty */
	if (nc && *nc)
		o.no_color = 1;
	if (o.mode == OUT_TUI && (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)))
		o.mode = OUT_BATCH;
	struct collector_opts co = { .root = o.root, .cgroup = o.cgroup };
	struct collector *c = collector_open(&co, err, sizeof(err));
	if (!c) {
		fprintf(stderr, "headroom: %s\n", err);
		return 1;
	}
	if (collector_warning(c))
		fprintf(stderr, "headroom: %s\n", collector_warning(c));
	int rc = o.mode == OUT_TUI ? app_run(c, &o) : run(c, &o);
	collector_close(c);
	return rc;
}
