// libgit2 (Debian: libgit2-dev), for reading blueprints at revisions and recording commits
// without running the git executable.
#include <git2.h>
