// zlib (Debian: zlib1g-dev), for inflating the deflate entries of dataset zip files.
#include <zlib.h>
