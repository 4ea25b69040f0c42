// Failing an invariant in a fuzz target is a crash: print what broke and abort, so libFuzzer saves
// the input (crash-<sha1>) and scripts/fuzz.sh fails.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <string>

namespace precis::fuzz {

[[noreturn]] inline void fail(const std::string& what) {
  std::fprintf(stderr, "\n== precis invariant violated: %s\n", what.c_str());
  std::abort();
}

// `error` is the result of an invariants::check_* function: empty when the invariant holds.
inline void require(const std::string& error) {
  if (!error.empty()) fail(error);
}

inline void require(bool ok, const char* what) {
  if (!ok) fail(what);
}

}  // namespace precis::fuzz
