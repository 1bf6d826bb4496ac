/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Byte formatting and sanitizing of names from the kernel. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "widgets/format.h"

static void test_bytes(void **state)
{
	(void)state;
	char b[32];
	assert_string_equal(fmt_size(b, sizeof(b), 0), "0");
	assert_string_equal(fmt_size(b, sizeof(b), 512), "512B");
	assert_string_equal(fmt_size(b, sizeof(b), 1536), "1.5K");
	assert_string_equal(fmt_size(b, sizeof(b), 100ULL << 20), "100M");
	assert_string_equal(fmt_size(b, sizeof(b), 3ULL << 29), "1.5G");
	assert_string_equal(fmt_size(b, sizeof(b), UINT64_MAX), "16E");
	assert_string_equal(fmt_bytes(b, sizeof(b), val_na(NA_ABSENT)), "N/A");
	assert_string_equal(fmt_bytes(b, sizeof(b), val_unlimited()), "unlimited");
	/* Never "8E" for an unset v1 limit: parse_limit makes it unlimited. */
	assert_string_equal(fmt_count(b, sizeof(b), val_ok(0)), "0");
	assert_string_equal(fmt_count(b, sizeof(b), val_na(NA_DENIED)), "N/A");
	assert_string_equal(fmt_pct(b, sizeof(b), val_ok(50), val_ok(200)), "25.0");
	assert_string_equal(fmt_pct(b, sizeof(b), val_ok(50), val_unlimited()), "N/A");
	assert_string_equal(fmt_rate_bytes(b, sizeof(b), -2048), "-2.0K/s");
	assert_string_equal(fmt_rate_bytes(b, sizeof(b), NAN), "N/A");
	/* Small buffers are cut, never overrun. */
	assert_string_equal(fmt_bytes(b, 4, val_unlimited()), "unl");
}

/* Ages at each unit's edges. */
static void test_age(void **state)
{
	(void)state;
	char b[16];
	assert_string_equal(fmt_age(b, sizeof(b), 0.4), "0s");
	assert_string_equal(fmt_age(b, sizeof(b), 59.9), "59s");
	assert_string_equal(fmt_age(b, sizeof(b), 60), "1m00s");
	assert_string_equal(fmt_age(b, sizeof(b), 125), "2m05s");
	assert_string_equal(fmt_age(b, sizeof(b), 3599), "59m59s");
	assert_string_equal(fmt_age(b, sizeof(b), 3600 * 3 + 7 * 60 + 59), "3h07m");
	assert_string_equal(fmt_age(b, sizeof(b), 86400 * 2 + 4 * 3600), "2d04h");
	assert_string_equal(fmt_age(b, sizeof(b), -1), "N/A");
	assert_string_equal(fmt_age(b, sizeof(b), NAN), "N/A");
}

static void test_sanitize(void **state)
{
	(void)state;
	char b[64];
	assert_string_equal(sanitize(b, sizeof(b), "\x1b[2Jevil\x07"), "?[2Jevil?");
	assert_string_equal(sanitize(b, sizeof(b), "tab\there\nnl"), "tab?here?nl");
	assert_string_equal(sanitize(b, sizeof(b), "caf\xc3\xa9"), "caf\xc3\xa9");
	assert_string_equal(sanitize(b, sizeof(b),
				     "c1\xc2\x9b"
				     "31m"),
			    "c1??31m"); /* 8-bit CSI, byte by byte */
	assert_string_equal(sanitize(b, sizeof(b), "bad\xff\xfe"), "bad??");
	assert_string_equal(sanitize(b, sizeof(b), "del\x7f"), "del?");
	assert_string_equal(sanitize(b, sizeof(b), NULL), "");
	/* Cut at a character boundary: 3 bytes of room, a 2-byte char does not split. */
	assert_string_equal(sanitize(b, 4, "a\xc3\xa9\xc3\xa9"), "a\xc3\xa9");
	assert_string_equal(sanitize(b, 3, "a\xc3\xa9"), "a");
}

/* A command that does not fit drops its program's directory, at every
 * width; one that fits, or has no directory, is shown as it is. */
static void test_command(void **state)
{
	(void)state;
	const char *cmd = "/work/main/build/headroom eat --anon 100M";
	for (int w = -1; w <= 300; w++) {
		const char *got = fmt_command(cmd, w);
		assert_string_equal(got, w >= (int)strlen(cmd) ? cmd : "headroom eat --anon 100M");
	}
	assert_string_equal(fmt_command("sh /opt/capture.sh /cap", 3), "sh /opt/capture.sh /cap");
	assert_string_equal(fmt_command("[kworker/0:1-events]", 3), "[kworker/0:1-events]");
	assert_string_equal(fmt_command("./a/ x", 3), "./a/ x"); /* no program after the slash: whole */
	assert_string_equal(fmt_command("/bin/x", 3), "x");
	assert_string_equal(fmt_command("", 0), "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bytes),
		cmocka_unit_test(test_age),
		cmocka_unit_test(test_sanitize),
		cmocka_unit_test(test_command),
	};
	return cmocka_run_group_tests_name("format", tests, NULL, NULL);
}
