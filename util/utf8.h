/* SPDX-License-Identifier: GPL-2.0-or-later */
#ifndef HEADROOM_UTF8_H
#define HEADROOM_UTF8_H

#include <stddef.h>

/* The length (1 to 4) of the valid UTF-8 sequence s starts with, or 0 when
 * it starts none: a NUL, a stray continuation byte, an overlong form, a
 * surrogate (U+D800..U+DFFF), a code point past U+10FFFF, or a sequence
 * cut short. The one validator: the terminal's sanitize() and JSON output
 * both use it. */
size_t utf8_len(const unsigned char *s);

#endif
