/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef HEADROOM_OPTIONS_H
#define HEADROOM_OPTIONS_H

#include <stdint.h>
#include <stdio.h>

enum out_mode { OUT_TUI, OUT_BATCH, OUT_JSON };

struct options {
	enum out_mode mode;
	long count;   /* samples to take; 0 = until interrupted */
	double delay;  /* seconds between samples */
	int delay_set; /* -d was given (it overrides the config file) */
	const char *root;
	const char *cgroup;
	int smaps;    /* read PSS/USS/SwapPss for every process */
	int no_color; /* --no-color, or NO_COLOR set */
	int help, version;
};

/* Parse argv. Returns 0, or -1 after printing a clear message to err. */
int options_parse(struct options *o, int argc, char **argv, FILE *err);
void options_usage(FILE *f);

/* "100M", "1.5G", "512K", "4096" (bytes; K M G T are powers of 1024).
 * Returns 0, or -1 for anything else (negative, garbage, past 2^64). */
int options_parse_size(const char *s, uint64_t *out);
/* Seconds, fractions allowed, 0..86400. Returns 0 or -1. */
int options_parse_seconds(const char *s, double *out);

/* The refresh interval: one range for -d, headroom run -d and the settings
 * file (the dashboard's keys step within it). */
#define INTERVAL_MIN 0.05
#define INTERVAL_MAX 3600.0
#define INTERVAL_RANGE "seconds from 0.05 to 3600"
/* Returns 0, or -1 when s is not seconds within the range. */
int options_parse_interval(const char *s, double *out);

#endif
