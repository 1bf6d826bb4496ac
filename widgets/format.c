/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "widgets/format.h"

#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "util/utf8.h"

char *fmt_size(char *out, size_t n, uint64_t bytes)
{
	static const char units[] = "BKMGTPE";
	double v = (double)bytes;
	int u = 0;
	if (bytes == 0) {
		snprintf(out, n, "0");
		return out;
	}
	while (v >= 1024 && u < 6) {
		v /= 1024;
		u++;
	}
	if (u == 0)
		snprintf(out, n, "%" PRIu64 "B", bytes);
	else if (v < 9.95)
		snprintf(out, n, "%.1f%c", v, units[u]);
	else
		snprintf(out, n, "%.0f%c", v >= 1023.5 ? 1023.0 : v, units[u]);
	return out;
}

char *fmt_bytes(char *out, size_t n, val_t v)
{
	if (v.st == V_NA)
		snprintf(out, n, "N/A");
	else if (v.st == V_UNLIMITED)
		snprintf(out, n, "unlimited");
	else
		fmt_size(out, n, v.v);
	return out;
}

char *fmt_count(char *out, size_t n, val_t v)
{
	if (v.st == V_OK)
		snprintf(out, n, "%" PRIu64, v.v);
	else
		snprintf(out, n, v.st == V_UNLIMITED ? "unlimited" : "N/A");
	return out;
}

char *fmt_pct(char *out, size_t n, val_t part, val_t whole)
{
	if (!val_is_ok(part) || !val_is_ok(whole) || whole.v == 0)
		snprintf(out, n, "N/A");
	else
		snprintf(out, n, "%.1f", 100.0 * (double)part.v / (double)whole.v);
	return out;
}

char *fmt_rate_bytes(char *out, size_t n, double bps)
{
	char s[16];
	if (isnan(bps)) {
		snprintf(out, n, "N/A");
		return out;
	}
	fmt_size(s, sizeof(s), (uint64_t)fabs(bps));
	snprintf(out, n, "%s%s/s", bps < 0 ? "-" : bps > 0 ? "+" : "", s);
	return out;
}

char *fmt_rate(char *out, size_t n, double per_sec)
{
	if (isnan(per_sec))
		snprintf(out, n, "N/A");
	else
		snprintf(out, n, "%.0f/s", per_sec);
	return out;
}

char *fmt_age(char *out, size_t n, double secs)
{
	if (isnan(secs) || secs < 0) {
		snprintf(out, n, "N/A");
		return out;
	}
	unsigned long s = (unsigned long)secs;
	if (s < 60)
		snprintf(out, n, "%lus", s);
	else if (s < 3600)
		snprintf(out, n, "%lum%02lus", s / 60, s % 60);
	else if (s < 86400)
		snprintf(out, n, "%luh%02lum", s / 3600, s % 3600 / 60);
	else
		snprintf(out, n, "%lud%02luh", s / 86400, s % 86400 / 3600);
	return out;
}

/* Length of the valid UTF-8 sequence at s (1..4), or 0 if invalid. */
/* U+0080..U+009F: C1 controls (CSI is U+009B): valid UTF-8, not for a terminal. */
static int is_c1(const unsigned char *s, size_t len)
{
	return len == 2 && s[0] == 0xc2 && s[1] < 0xa0;
}

char *sanitize(char *out, size_t n, const char *in)
{
	const unsigned char *s = (const unsigned char *)(in ? in : "");
	size_t w = 0;
	if (n == 0)
		return out;
	while (*s) {
		size_t len = utf8_len(s);
		if (is_c1(s, len))
			len = 0; /* replaced byte by byte, as an invalid sequence is */
		int bad = len == 0 || *s < 0x20 || *s == 0x7f;
		size_t take = bad ? 1 : len;
		if (w + take >= n)
			break;
		if (bad)
			out[w++] = '?';
		else
			memcpy(out + w, s, take), w += take;
		s += len ? len : 1;
	}
	out[w] = '\0';
	return out;
}

char *fmt_tail(char *out, size_t n, const char *text, int w)
{
	char clean[1024];
	sanitize(clean, sizeof(clean), text);
	size_t len = strlen(clean);
	if (w < 4 || len <= (size_t)w) {
		snprintf(out, n, "%s", clean);
		return out;
	}
	const char *tail = clean + len - (size_t)(w - 3);
	while ((*tail & 0xc0) == 0x80) /* not inside a UTF-8 sequence */
		tail++;
	snprintf(out, n, "...%s", tail);
	return out;
}

const char *fmt_command(const char *cmd, int w)
{
	size_t prog = strcspn(cmd, " ");
	if (strlen(cmd) <= (size_t)(w > 0 ? w : 0) || cmd[0] == '[') /* fits; a kernel thread's [name] */
		return cmd;
	const char *slash = memrchr(cmd, '/', prog);
	return slash && slash + 1 < cmd + prog ? slash + 1 : cmd; /* a name after the last slash */
}
