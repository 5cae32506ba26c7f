/*
 * fuzz-stream - the stream reader and writer: any bytes are read as a
 * stream without a crash; every record has as many fields as the header;
 * escaping a field and unescaping it gives it back.
 */
#include <string.h>

#include "fuzz.h"
#include "tt.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

int
LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	static struct ttbuf back;
	struct ttstream s;
	char path[64], *paths[1];
	int fd, i;

	fd = fuzz_memfile(data, size, path, sizeof path);
	tt_prog = "fuzz-stream";
	paths[0] = path;
	if (stream_open(&s, 1, paths)) {
		while (stream_next(&s)) {
			for (i = 0; i < s.ncols; i++)
				FUZZ_ASSERT(s.f[i].s >= s.line &&
				    s.f[i].s + s.f[i].len <= s.line + s.linelen);
		}
		stream_close(&s);
	} else
		stream_close(&s);
	close(fd);

	/* out_field and field_unescape are inverse on any value. */
	if (size > 0 && memchr(data, '\0', size) == NULL) {
		FILE *mem;
		char *text = NULL;
		size_t textlen = 0;

		if ((mem = open_memstream(&text, &textlen)) == NULL)
			abort();
		FILE *saved = stdout;
		stdout = mem;
		out_field((const char *)data, size, 1);
		out_flush();
		fclose(mem);
		stdout = saved;
		FUZZ_ASSERT(memchr(text, '\t', textlen) == NULL);
		FUZZ_ASSERT(memchr(text, '\n', textlen) == NULL);
		FUZZ_ASSERT(text[0] != '#');
		field_unescape(&back, text, textlen);
		FUZZ_ASSERT(back.len == size && memcmp(back.s, data, size) == 0);
		free(text);
	}
	tt_status = 0;
	return 0;
}
