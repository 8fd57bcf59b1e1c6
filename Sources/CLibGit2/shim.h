#ifndef CLIBGIT2_SHIM_H
#define CLIBGIT2_SHIM_H
// libgit2 (Debian: libgit2-dev), for reading blueprints at revisions and recording commits
// without running the git executable. Types and constants come from its header; the functions
// are looked up with dlsym when the first repository is opened, so commands that never touch
// git never map libgit2 and its dependencies (libssh2, libcrypto, ...: see docs/performance.md,
// "Start-up").
#include <git2.h>
#include <dlfcn.h>
#include <stddef.h>
#include <stdio.h>

// Every libgit2 function GitKit calls; the struct field has the function's own pointer type.
#define BP_GIT_FUNCTIONS(X) \
    X(git_blob_free) \
    X(git_blob_id) \
    X(git_blob_lookup) \
    X(git_blob_rawcontent) \
    X(git_blob_rawsize) \
    X(git_buf_dispose) \
    X(git_commit_create) \
    X(git_commit_free) \
    X(git_commit_id) \
    X(git_commit_lookup) \
    X(git_commit_summary) \
    X(git_commit_time) \
    X(git_commit_tree) \
    X(git_error_last) \
    X(git_index_add) \
    X(git_index_add_bypath) \
    X(git_index_free) \
    X(git_index_get_bypath) \
    X(git_index_has_conflicts) \
    X(git_index_new) \
    X(git_index_read) \
    X(git_index_read_tree) \
    X(git_index_remove_bypath) \
    X(git_index_write) \
    X(git_index_write_tree_to) \
    X(git_libgit2_init) \
    X(git_object_free) \
    X(git_object_peel) \
    X(git_oid_equal) \
    X(git_oid_fmt) \
    X(git_reference_name_to_id) \
    X(git_repository_discover) \
    X(git_repository_free) \
    X(git_repository_index) \
    X(git_repository_open) \
    X(git_repository_workdir) \
    X(git_revparse_single) \
    X(git_revwalk_free) \
    X(git_revwalk_new) \
    X(git_revwalk_next) \
    X(git_revwalk_push) \
    X(git_revwalk_push_head) \
    X(git_revwalk_sorting) \
    X(git_signature_default) \
    X(git_signature_free) \
    X(git_tree_entry_bypath) \
    X(git_tree_entry_free) \
    X(git_tree_entry_id) \
    X(git_tree_entry_type) \
    X(git_tree_free) \
    X(git_tree_id) \
    X(git_tree_lookup)

typedef struct {
    void *handle;
#define BP_GIT_FIELD(name) __typeof__(&name) name;
    BP_GIT_FUNCTIONS(BP_GIT_FIELD)
#undef BP_GIT_FIELD
} bp_git_api;

/// Opens `library` and resolves every function. Returns 0, or -1 with a reason in `error`.
static inline int bp_git_load(bp_git_api *api, const char *library, char *error, size_t error_size) {
    void *h = dlopen(library, RTLD_NOW | RTLD_LOCAL);
    if (!h) {
        const char *why = dlerror();
        snprintf(error, error_size, "%s", why ? why : library);
        return -1;
    }
#define BP_GIT_SYM(name)                                                          \
    *(void **)(&api->name) = dlsym(h, #name);                                     \
    if (!api->name) {                                                             \
        snprintf(error, error_size, "%s has no %s (not libgit2 1.x?)", library, #name); \
        dlclose(h);                                                               \
        return -1;                                                                \
    }
    BP_GIT_FUNCTIONS(BP_GIT_SYM)
#undef BP_GIT_SYM
    api->handle = h;
    return 0;
}

#endif
