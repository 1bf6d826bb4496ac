/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef HEADROOM_FORMAT_H
#define HEADROOM_FORMAT_H

#include <stddef.h>
#include <stdint.h>

#include "util/value.h"

/* Pure formatting, no terminal: every function writes a NUL-terminated
 * string of at most n-1 bytes into out and returns out. */

/* Bytes in 1024 units, as top and htop show them: "0", "512B", "1.5K",
 * "100M", "23.4G". N/A is "N/A", a limit that is not set "unlimited". */
char *fmt_bytes(char *out, size_t n, val_t v);
/* Same from a raw count. */
char *fmt_size(char *out, size_t n, uint64_t bytes);
/* A plain count ("12") or "N/A". */
char *fmt_count(char *out, size_t n, val_t v);
/* part/whole as a percentage with one decimal, or "N/A". */
char *fmt_pct(char *out, size_t n, val_t part, val_t whole);
/* A signed rate per second in bytes ("+1.5M/s", "-20K/s") or "N/A". */
char *fmt_rate_bytes(char *out, size_t n, double bps);
/* A count per second ("1234/s") or "N/A". */
char *fmt_rate(char *out, size_t n, double per_sec);

/* A time gone by, short: "0s", "59s", "2m05s", "3h07m", "2d04h"; a
 * negative or NaN one is "N/A". */
char *fmt_age(char *out, size_t n, double secs);

/* Make text from the kernel (process and cgroup names) inert for a
 * terminal: control characters, DEL, C1 controls and invalid UTF-8 are
 * shown as '?', so no escape sequence reaches the screen. Valid UTF-8 is
 * kept whole; output is cut at a character boundary. */
char *sanitize(char *out, size_t n, const char *in);

/* Sanitized text in at most w columns (one byte a column: paths), cut from
 * the left as "...tail" when longer: the tail of a cgroup path names it. */
char *fmt_tail(char *out, size_t n, const char *text, int w);

/* A command line for a column w wide: whole when it fits, else without the
 * directory of its program ("/usr/bin/python3 x.py" -> "python3 x.py"), so
 * its arguments stay in view; cut at the end by whoever draws it. */
const char *fmt_command(const char *cmd, int w);

#endif
