/*
 * fuzz.h - helpers shared by the libFuzzer targets: the library reads from
 * file descriptors, so each input is handed over as an in-memory file.
 */
#ifndef FUZZ_H
#define FUZZ_H

#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>
#include <utf8proc.h>

/* Writes data into a fresh memfd and returns its /proc path in path. */
static int
fuzz_memfile(const unsigned char *data, size_t size, char *path, size_t cap)
{
	int fd;

	if ((fd = memfd_create("fuzz", 0)) < 0)
		abort();
	if (size > 0 && write(fd, data, size) != (ssize_t)size)
		abort();
	snprintf(path, cap, "/proc/self/fd/%d", fd);
	return fd;
}

#define FUZZ_ASSERT(c)	do { if (!(c)) { fprintf(stderr, \
	"assertion failed: %s (%s:%d)\n", #c, __FILE__, __LINE__); abort(); } } while (0)

/* Asserts that s[0..n) is valid UTF-8 without NUL, CR or LF: what every
 * line, token and speaker the library hands out must be. */
static inline void
fuzz_assert_line_utf8(const char *s, size_t n)
{
	utf8proc_int32_t cp;
	utf8proc_ssize_t k;
	size_t i;

	for (i = 0; i < n; i += (size_t)k) {
		k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
		    (utf8proc_ssize_t)(n - i), &cp);
		FUZZ_ASSERT(k > 0);
		FUZZ_ASSERT(cp != 0 && cp != '\r' && cp != '\n');
	}
}

#endif
