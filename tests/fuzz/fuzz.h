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

#endif
