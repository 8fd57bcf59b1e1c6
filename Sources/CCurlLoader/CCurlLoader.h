#ifndef CCURLLOADER_H
#define CCURLLOADER_H
// Types and constants come from libcurl's own header (Debian: libcurl4-openssl-dev); the
// functions are looked up with dlsym when the first request is made, so commands that never
// touch the network never map libcurl and its ~30 dependencies. Swift cannot call C variadic
// functions (curl_easy_setopt, curl_easy_getinfo), hence the typed inline wrappers.
#include <curl/curl.h>
#include <dlfcn.h>
#include <stddef.h>
#include <stdio.h>

/// curl_global_init's usual flags (a macro expression Swift does not import).
static const long bp_curl_global_default = CURL_GLOBAL_DEFAULT;

typedef struct {
    void *handle;
    CURLcode (*global_init)(long flags);
    CURL *(*easy_init)(void);
    void (*easy_cleanup)(CURL *curl);
    void (*easy_reset)(CURL *curl);
    CURLcode (*easy_perform)(CURL *curl);
    const char *(*easy_strerror)(CURLcode code);
    CURLcode (*easy_setopt)(CURL *curl, CURLoption option, ...);
    CURLcode (*easy_getinfo)(CURL *curl, CURLINFO info, ...);
    struct curl_slist *(*slist_append)(struct curl_slist *list, const char *string);
    void (*slist_free_all)(struct curl_slist *list);
} bp_curl_api;

/// Opens `library` and resolves every function. Returns 0, or -1 with a reason in `error`.
static inline int bp_curl_load(bp_curl_api *api, const char *library, char *error, size_t error_size) {
    void *h = dlopen(library, RTLD_NOW | RTLD_LOCAL);
    if (!h) {
        const char *why = dlerror();
        snprintf(error, error_size, "%s", why ? why : library);
        return -1;
    }
#define BP_CURL_SYM(field, name)                                                        \
    *(void **)(&api->field) = dlsym(h, name);                                           \
    if (!api->field) {                                                                  \
        snprintf(error, error_size, "%s has no %s (not libcurl 7.x/8.x?)", library, name); \
        dlclose(h);                                                                     \
        return -1;                                                                      \
    }
    BP_CURL_SYM(global_init, "curl_global_init")
    BP_CURL_SYM(easy_init, "curl_easy_init")
    BP_CURL_SYM(easy_cleanup, "curl_easy_cleanup")
    BP_CURL_SYM(easy_reset, "curl_easy_reset")
    BP_CURL_SYM(easy_perform, "curl_easy_perform")
    BP_CURL_SYM(easy_strerror, "curl_easy_strerror")
    BP_CURL_SYM(easy_setopt, "curl_easy_setopt")
    BP_CURL_SYM(easy_getinfo, "curl_easy_getinfo")
    BP_CURL_SYM(slist_append, "curl_slist_append")
    BP_CURL_SYM(slist_free_all, "curl_slist_free_all")
#undef BP_CURL_SYM
    api->handle = h;
    return 0;
}

static inline CURLcode bp_curl_setopt_long(const bp_curl_api *api, CURL *curl, CURLoption option, long value) {
    return api->easy_setopt(curl, option, value);
}

static inline CURLcode bp_curl_setopt_off(const bp_curl_api *api, CURL *curl, CURLoption option, curl_off_t value) {
    return api->easy_setopt(curl, option, value);
}

static inline CURLcode bp_curl_setopt_string(const bp_curl_api *api, CURL *curl, CURLoption option, const char *value) {
    return api->easy_setopt(curl, option, value);
}

/// A body for zero-length POST/PUT requests (curl keeps the pointer, so it must be static).
static inline const char *bp_curl_empty_body(void) {
    return "";
}

static inline CURLcode bp_curl_setopt_pointer(const bp_curl_api *api, CURL *curl, CURLoption option, const void *value) {
    return api->easy_setopt(curl, option, value);
}

/// Callbacks have the same C signature for headers, bodies and uploads.
typedef size_t (*bp_curl_data_callback)(char *data, size_t size, size_t count, void *context);

static inline CURLcode bp_curl_setopt_callback(const bp_curl_api *api, CURL *curl, CURLoption option, bp_curl_data_callback value) {
    return api->easy_setopt(curl, option, value);
}

static inline CURLcode bp_curl_response_code(const bp_curl_api *api, CURL *curl, long *code) {
    return api->easy_getinfo(curl, CURLINFO_RESPONSE_CODE, code);
}

#endif
