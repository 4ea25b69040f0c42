#include "summarize/interning.h"

#include <cstring>

namespace precis {
namespace {

// The splitmix64 finaliser: concept keys are two small ids side by side and a short string's key is
// its bytes, both of which need mixing.
uint64_t hash_key(uint64_t x) {
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
  return x ^ (x >> 31);
}

constexpr std::size_t kInitialSlots = 1024;

// How full a table may get before it doubles: `entries` over `slots` at most num / den.
struct MaxLoad {
  std::size_t num, den;
  bool exceeded(std::size_t entries, std::size_t slots) const { return entries * den > slots * num; }
  // The smallest table (a power of two, at least kInitialSlots) that holds `entries` within it.
  std::size_t slots_for(std::size_t entries) const {
    std::size_t slots = kInitialSlots;
    while (exceeded(entries, slots)) slots *= 2;
    return slots;
  }
};
constexpr MaxLoad kStringsLoad{1, 2};  // StringIds: at most half full (short probes)
constexpr MaxLoad kKeysLoad{7, 10};    // KeyIds: at most 70% full

// Rehashes a table (a power of two of slots, linear probing by hash_key) into one twice its size.
void double_table(std::vector<IdSlot>* table) {
  std::vector<IdSlot> slots(table->size() * 2);
  const std::size_t mask = slots.size() - 1;
  for (const IdSlot& s : *table) {
    if (s.id_plus_one == 0) continue;
    std::size_t i = hash_key(s.key()) & mask;
    while (slots[i].id_plus_one != 0) i = (i + 1) & mask;
    slots[i] = s;
  }
  table->swap(slots);
}

uint32_t load32(const char* p) {
  uint32_t v;
  std::memcpy(&v, p, 4);
  return v;
}
uint64_t load64(const char* p) {
  uint64_t v;
  std::memcpy(&v, p, 8);
  return v;
}

}  // namespace

// The key of a string. Up to 7 bytes: the bytes (little-endian, zero above) with the length in the
// top byte, built from overlapping loads rather than a byte loop. Longer: a hash of all the bytes
// with the top byte 0xFF, which no short key has.
uint64_t StringIds::key_of(std::string_view s) {
  const char* p = s.data();
  const std::size_t n = s.size();
  if (n <= 7) {
    uint64_t bytes = 0;
    if (n >= 4) {
      bytes = load32(p) | uint64_t{load32(p + n - 4)} << (8 * (n - 4));
    } else if (n > 0) {
      bytes = uint64_t{static_cast<unsigned char>(p[0])} | uint64_t{static_cast<unsigned char>(p[n / 2])} << (8 * (n / 2)) |
              uint64_t{static_cast<unsigned char>(p[n - 1])} << (8 * (n - 1));
    }
    return bytes | uint64_t{n} << 56;
  }
  uint64_t h = n * 0x9e3779b97f4a7c15ull;
  std::size_t i = 0;
  for (; i + 8 < n; i += 8) h = hash_key(h ^ load64(p + i));
  h = hash_key(h ^ load64(p + n - 8));  // the last 8 bytes (overlapping the loop's, when n is not a multiple)
  return (h & 0x00FFFFFFFFFFFFFFull) | 0xFF00000000000000ull;
}

uint32_t StringIds::id(std::string_view s, bool* added) {
  if (slots_.empty()) slots_.resize(kInitialSlots);
  const uint64_t key = key_of(s);
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = hash_key(key) & mask;; i = (i + 1) & mask) {
    const Slot& slot = slots_[i];
    if (slot.id_plus_one == 0) {
      const uint32_t id = static_cast<uint32_t>(size());
      slots_[i] = Slot{static_cast<uint32_t>(key), static_cast<uint32_t>(key >> 32), id + 1};
      chars_.append(s);
      begin_.push_back(static_cast<uint32_t>(chars_.size()));
      if (added != nullptr) *added = true;
      if (kStringsLoad.exceeded(size(), slots_.size())) double_table(&slots_);
      return id;
    }
    // A short key is its string; a long one (top byte 0xFF) is confirmed against the bytes.
    if (slot.key() == key && (slot.high >> 24 != 0xFF || at(slot.id_plus_one - 1) == s)) {
      if (added != nullptr) *added = false;
      return slot.id_plus_one - 1;
    }
  }
}

void StringIds::reserve(std::size_t strings) {
  if (!slots_.empty()) return;
  slots_.resize(kStringsLoad.slots_for(strings));
  begin_.reserve(strings + 1);
}

uint32_t KeyIds::id(uint64_t key) {
  if (slots_.empty()) slots_.resize(kInitialSlots);
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = hash_key(key) & mask;; i = (i + 1) & mask) {
    const Slot& s = slots_[i];
    if (s.id_plus_one == 0) return place(i, key);
    if (s.key() == key) return s.id_plus_one - 1;
  }
}

uint32_t KeyIds::append(uint64_t key) {
  if (slots_.empty()) slots_.resize(kInitialSlots);
  const std::size_t mask = slots_.size() - 1;
  std::size_t i = hash_key(key) & mask;
  while (slots_[i].id_plus_one != 0) i = (i + 1) & mask;  // new: no key to compare
  return place(i, key);
}

void KeyIds::reserve(std::size_t keys) {
  if (!slots_.empty()) return;
  slots_.resize(kKeysLoad.slots_for(keys));
}

uint32_t KeyIds::place(std::size_t slot, uint64_t key) {
  const uint32_t id = count_++;
  slots_[slot] = Slot{static_cast<uint32_t>(key), static_cast<uint32_t>(key >> 32), id + 1};
  if (kKeysLoad.exceeded(count_, slots_.size())) double_table(&slots_);
  return id;
}

std::vector<uint64_t> KeyIds::keys() const {
  std::vector<uint64_t> out(count_);
  for (const Slot& s : slots_) {
    if (s.id_plus_one != 0) out[s.id_plus_one - 1] = s.key();
  }
  return out;
}

}  // namespace precis
