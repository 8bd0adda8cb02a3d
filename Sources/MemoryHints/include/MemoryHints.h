// A cache prefetch hint for Swift, which has none of its own. The segmenter's route spends most
// of its time waiting for trie records; asking for them a few characters ahead lets the waits
// overlap. A hint only: it never faults and changes no result.
#ifndef ANALYZE_MEMORY_HINTS_H
#define ANALYZE_MEMORY_HINTS_H

static inline void analyze_prefetch(const void *address) {
    __builtin_prefetch(address, 0, 3);
}

#endif
