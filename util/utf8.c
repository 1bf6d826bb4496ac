/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "util/utf8.h"

size_t utf8_len(const unsigned char *s)
{
	if (s[0] < 0x80)
		return s[0] ? 1 : 0;
	size_t len = s[0] >= 0xf0 ? 4 : s[0] >= 0xe0 ? 3 : s[0] >= 0xc2 ? 2 : 0;
	if (len == 0 || s[0] > 0xf4)
		return 0;
	for (size_t i = 1; i < len; i++)
		if ((s[i] & 0xc0) != 0x80)
			return 0; /* also where the string ends early */
	if ((len == 3 && s[0] == 0xe0 && s[1] < 0xa0) || (len == 4 && s[0] == 0xf0 && s[1] < 0x90))
		return 0; /* overlong */
	if ((len == 3 && s[0] == 0xed && s[1] >= 0xa0) || (len == 4 && s[0] == 0xf4 && s[1] >= 0x90))
		return 0; /* a surrogate; past U+10FFFF */
	return len;
}
