/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "cli/options.h"

#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

static int parse_delay(const char *s, double *out);

void options_usage(FILE *f)
{
	fputs("Usage: headroom [OPTION]...\n"
	      "       headroom run [OPTION]... -- COMMAND [ARG]...   (lab mode: headroom run --help)\n"
	      "       headroom eat [OPTION]...                       (a workload: headroom eat --help)\n"
	      "Live memory dashboard for Linux cgroups (v1, v2 and hybrid). On a terminal it\n"
	      "opens the dashboard (keys: h); elsewhere, or with -b or -j, it prints samples.\n"
	      "\n"
	      "  -b, --batch           text tables like top -b (the default when not on a terminal)\n"
	      "  -j, --json            one JSON object per sample per line\n"
	      "  -n, --iterations N    take N samples, then exit (default: until interrupted)\n"
	      "  -d, --delay SECONDS   time between samples, 0.05 to 3600 (default 1)\n"
	      "  -c, --cgroup PATH     show only this cgroup subtree, e.g. /system.slice\n"
	      "      --root DIR        read DIR/proc and DIR/sys instead of /proc and /sys\n"
	      "      --smaps           also read PSS, USS and SwapPss (smaps_rollup; costly)\n"
	      "      --no-color        no colours (also when NO_COLOR is set)\n"
	      "  -h, --help            show this help\n"
	      "  -V, --version         show the version\n"
	      "\n"
	      "JSON: bytes are integers, a figure the kernel did not give is null (the\n"
	      "object's \"na\" map says why), a limit that is not set is \"max\".\n"
	      "See headroom(1).\n",
	      f);
}

static int parse_count(const char *s, long *out)
{
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (errno || end == s || *end || v < 1)
		return -1;
	*out = v;
	return 0;
}

int options_parse_size(const char *s, uint64_t *out)
{
	char *end;
	errno = 0;
	if (!s || *s == '-' || *s == '+')
		return -1;
	double v = strtod(s, &end);
	if (errno || end == s || !isfinite(v) || v < 0)
		return -1;
	static const char units[] = "KMGT";
	const char *u = *end ? strchr(units, *end) : NULL;
	if (*end && (!u || (end[1] && !(end[1] == 'i' && end[2] == 'B' && !end[3]) && !(end[1] == 'B' && !end[2]))))
		return -1;
	for (int i = u ? (int)(u - units) + 1 : 0; i > 0; i--)
		v *= 1024;
	if (v >= 18446744073709551616.0)
		return -1;
	*out = (uint64_t)v;
	return 0;
}

int options_parse_seconds(const char *s, double *out)
{
	return parse_delay(s, out);
}

int options_parse_interval(const char *s, double *out)
{
	double v;
	if (parse_delay(s, &v) != 0 || v < INTERVAL_MIN || v > INTERVAL_MAX)
		return -1;
	*out = v;
	return 0;
}

static int parse_delay(const char *s, double *out)
{
	char *end;
	errno = 0;
	double v = strtod(s, &end);
	if (errno || end == s || *end || !isfinite(v) || v < 0 || v > 86400)
		return -1;
	*out = v;
	return 0;
}

enum { OPT_ROOT = 256, OPT_SMAPS, OPT_NO_COLOR };

static const struct option longopts[] = {
	{ "batch", no_argument, NULL, 'b' },
	{ "json", no_argument, NULL, 'j' },
	{ "iterations", required_argument, NULL, 'n' },
	{ "delay", required_argument, NULL, 'd' },
	{ "cgroup", required_argument, NULL, 'c' },
	{ "root", required_argument, NULL, OPT_ROOT },
	{ "smaps", no_argument, NULL, OPT_SMAPS },
	{ "no-color", no_argument, NULL, OPT_NO_COLOR },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ NULL, 0, NULL, 0 },
};

int options_parse(struct options *o, int argc, char **argv, FILE *err)
{
	int ch;
	*o = (struct options){ .mode = OUT_TUI, .delay = 1.0, .root = "/" };
	optind = 1;
	opterr = 0;
	while ((ch = getopt_long(argc, argv, ":bjn:d:c:hV", longopts, NULL)) != -1) {
		switch (ch) {
		case 'b':
			o->mode = OUT_BATCH;
			break;
		case 'j':
			o->mode = OUT_JSON;
			break;
		case 'n':
			if (parse_count(optarg, &o->count) == 0)
				break;
			fprintf(err, "headroom: -n wants a count of 1 or more, not '%s'\n", optarg);
			return -1;
		case 'd':
			if (options_parse_interval(optarg, &o->delay) == 0) {
				o->delay_set = 1;
				break;
			}
			fprintf(err, "headroom: -d wants " INTERVAL_RANGE ", not '%s'\n", optarg);
			return -1;
		case 'c':
		case OPT_ROOT:
			if (optarg[0] == '-') { /* "-c -b": the next option, taken for the path */
				fprintf(err, "headroom: %s needs a path, not the option '%s'\n", ch == 'c' ? "-c" : "--root", optarg);
				return -1;
			}
			*(ch == 'c' ? &o->cgroup : &o->root) = optarg;
			break;
		case OPT_SMAPS:
			o->smaps = 1;
			break;
		case OPT_NO_COLOR:
			o->no_color = 1;
			break;
		case 'h':
			o->help = 1;
			break;
		case 'V':
			o->version = 1;
			break;
		case ':':
			fprintf(err, "headroom: %s needs an argument\n", argv[optind - 1]);
			return -1;
		default:
			fprintf(err, "headroom: unknown option '%s' (see headroom --help)\n", argv[optind - 1]);
			return -1;
		}
	}
	if (optind < argc) {
		fprintf(err, "headroom: unexpected argument '%s' (see headroom --help)\n", argv[optind]);
		return -1;
	}
	return 0;
}
