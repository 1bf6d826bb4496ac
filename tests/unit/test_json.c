/* SPDX-License-Identifier: GPL-2.0-or-later */
/* JSON strings are valid UTF-8 whatever the kernel hands us: a byte that
 * does not start a valid sequence (stray continuation, overlong form,
 * surrogate, past U+10FFFF, cut short) becomes U+FFFD; control characters
 * are escaped; valid text passes as it is. The terminal's sanitize() uses
 * the same validator (util/utf8.h). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "output/json.h"
#include "util/utf8.h"

static char *json_of(const char *s)
{
	char *out = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&out, &n);
	json_string(f, s);
	fclose(f);
	return out;
}

static void expect(const char *in, const char *want)
{
	char *got = json_of(in);
	if (strcmp(got, want) != 0)
		fail_msg("json_string gave %s, not %s", got, want);
	free(got);
}

static void test_json_utf8(void **state)
{
	(void)state;
	expect("caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80", "\"caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80\"");
	expect("\xc2\x9b", "\"\xc2\x9b\""); /* U+009B is valid UTF-8; JSON needs no escape for it */
	expect("a\"b\\c\n\x1b", "\"a\\\"b\\\\c\\u000a\\u001b\"");
	expect("\xed\xa0\x80", "\"\\ufffd\\ufffd\\ufffd\"");	   /* a surrogate, U+D800 */
	expect("\xe0\x80\xaf", "\"\\ufffd\\ufffd\\ufffd\"");	   /* overlong '/' */
	expect("\xc0\xaf", "\"\\ufffd\\ufffd\"");		   /* overlong '/' */
	expect("\xf4\x90\x80\x80", "\"\\ufffd\\ufffd\\ufffd\\ufffd\""); /* past U+10FFFF */
	expect("\xf5\x80", "\"\\ufffd\\ufffd\"");
	expect("x\xe2\x82", "\"x\\ufffd\\ufffd\""); /* cut short at the end */
	expect("\x80z", "\"\\ufffdz\"");		/* a stray continuation byte */
	expect(NULL, "\"\"");
}

static void test_utf8_len(void **state)
{
	(void)state;
	assert_int_equal(utf8_len((const unsigned char *)"a"), 1);
	assert_int_equal(utf8_len((const unsigned char *)"\xc3\xa9"), 2);
	assert_int_equal(utf8_len((const unsigned char *)"\xef\xbf\xbd"), 3);
	assert_int_equal(utf8_len((const unsigned char *)"\xf4\x8f\xbf\xbf"), 4); /* U+10FFFF */
	assert_int_equal(utf8_len((const unsigned char *)"\xed\x9f\xbf"), 3);	 /* U+D7FF */
	assert_int_equal(utf8_len((const unsigned char *)"\xed\xa0\x80"), 0);
	assert_int_equal(utf8_len((const unsigned char *)"\xe0\x9f\xbf"), 0);
	assert_int_equal(utf8_len((const unsigned char *)"\xf0\x8f\xbf\xbf"), 0);
	assert_int_equal(utf8_len((const unsigned char *)"\xc1\xbf"), 0);
	assert_int_equal(utf8_len((const unsigned char *)"\xe2\x82"), 0); /* ends at the NUL */
	assert_int_equal(utf8_len((const unsigned char *)""), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_json_utf8),
		cmocka_unit_test(test_utf8_len),
	};
	return cmocka_run_group_tests_name("json and UTF-8", tests, NULL, NULL);
}
