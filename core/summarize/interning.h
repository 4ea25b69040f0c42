// Dense ids for the strings and integer keys of one request (terms, concepts), with open-addressing
// hash tables: the analysis looks up every token of every document, so std::unordered_map's node
// per entry (an allocation, a pointer chase) was a fifth of the time to analyse a news cluster.
// Ids are handed out in order of first sight, so results do not depend on hashing.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace precis {

// A slot of both tables below: a 64-bit key and its id together (12 bytes), so that a lookup
// touches one place in memory.
struct IdSlot {
  uint32_t low = 0, high = 0;  // the key
  uint32_t id_plus_one = 0;    // 0: empty
  uint64_t key() const { return (uint64_t{high} << 32) | low; }
};

// Distinct strings -> 0, 1, 2, ... The strings are kept once, end to end, in one buffer.
// Each slot holds a 64-bit key made from its string: for a string of up to 7 bytes (most words),
// the bytes and the length themselves, so a lookup compares the key and touches no other memory;
// for a longer one, a hash of it, confirmed against the kept bytes when the keys match.
class StringIds {
 public:
  // The id of `s`; adds it (with the next id) when new, and then sets *added.
  uint32_t id(std::string_view s, bool* added = nullptr);
  // Room for about `strings` strings before the first rehash (a hint for an empty table; it still
  // grows).
  void reserve(std::size_t strings);
  std::string_view at(uint32_t id) const { return std::string_view(chars_).substr(begin_[id], begin_[id + 1] - begin_[id]); }
  std::size_t size() const { return begin_.size() - 1; }

 private:
  using Slot = IdSlot;
  static uint64_t key_of(std::string_view s);
  std::string chars_;
  std::vector<uint32_t> begin_ = {0};  // string i is chars_[begin_[i], begin_[i + 1])
  std::vector<Slot> slots_;            // size is a power of two, at most half full (linear probing)
};

// Distinct 64-bit keys -> 0, 1, 2, ... Each slot holds its key and id together (IdSlot), so a
// lookup touches one place in memory: with a million word pairs the table is far larger than the
// cache, and a separate id -> key array made every lookup two cache misses.
class KeyIds {
 public:
  uint32_t id(uint64_t key);
  // The next id for a key the caller guarantees is new (it keeps its own map to the id, so it only
  // pays for the hashing once per key, not per lookup): ids stay one sequence with id()'s.
  uint32_t append(uint64_t key);
  // Room for about `keys` keys before the first rehash (a hint for an empty table; it still grows).
  void reserve(std::size_t keys);
  std::size_t size() const { return count_; }
  std::vector<uint64_t> keys() const;  // by id

 private:
  using Slot = IdSlot;
  uint32_t place(std::size_t slot, uint64_t key);
  std::vector<Slot> slots_;  // size is a power of two, at most 70% full (linear probing)
  uint32_t count_ = 0;
};

}  // namespace precis
