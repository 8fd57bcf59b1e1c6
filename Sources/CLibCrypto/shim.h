#ifndef CLIBCRYPTO_SHIM_H
#define CLIBCRYPTO_SHIM_H
// OpenSSL libcrypto, for SHA-256 and HMAC-SHA256 in AWS Signature Version 4. The three
// functions have had these signatures since OpenSSL 1.1 (and are in 3.x), so they are declared
// here and looked up with dlsym: no OpenSSL header or link-time dependency.
#include <dlfcn.h>
#include <stddef.h>

typedef struct {
    void *handle;
    unsigned char *(*sha256)(const unsigned char *data, size_t count, unsigned char *digest);
    const void *(*evp_sha256)(void);
    unsigned char *(*hmac)(const void *md, const void *key, int key_length, const unsigned char *data, size_t count,
                           unsigned char *digest, unsigned int *digest_length);
} bp_crypto_api;

/// Opens `library` and resolves the three functions; returns 0, or -1 (nothing loaded).
static inline int bp_crypto_load(bp_crypto_api *api, const char *library) {
    void *h = dlopen(library, RTLD_NOW | RTLD_LOCAL);
    if (!h) return -1;
    *(void **)(&api->sha256) = dlsym(h, "SHA256");
    *(void **)(&api->evp_sha256) = dlsym(h, "EVP_sha256");
    *(void **)(&api->hmac) = dlsym(h, "HMAC");
    if (!api->sha256 || !api->evp_sha256 || !api->hmac) {
        dlclose(h);
        return -1;
    }
    api->handle = h;
    return 0;
}

#endif
