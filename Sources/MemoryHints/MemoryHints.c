// SwiftPM builds a C target from at least one source file; the hint itself is inline in
// include/MemoryHints.h.
#include "MemoryHints.h"
