#include "summarize/interning.h"

namespace precis {
namespace {

// FNV-1a: words are short, so a byte-at-a-time hash is as fast as any.
uint64_t hash_bytes(std::string_view s) {
  uint64_t h = 1469598103934665603ull;
  for (const char c : s) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  return h;
}

// The splitmix64 finaliser: concept keys are two small ids side by side, which need mixing.
uint64_t hash_key(uint64_t x) {
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
  return x ^ (x >> 31);
}

constexpr std::size_t kInitialSlots = 1024;

}  // namespace

uint32_t StringIds::id(std::string_view s, bool* added) {
  if (slots_.empty()) slots_.assign(kInitialSlots, 0);
  const uint64_t h = hash_bytes(s);
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = h & mask;; i = (i + 1) & mask) {
    const uint32_t slot = slots_[i];
    if (slot == 0) {
      const uint32_t id = static_cast<uint32_t>(hashes_.size());
      slots_[i] = id + 1;
      hashes_.push_back(h);
      chars_.append(s);
      begin_.push_back(static_cast<uint32_t>(chars_.size()));
      if (added != nullptr) *added = true;
      if (hashes_.size() * 2 > slots_.size()) grow();  // at most half full: short probes
      return id;
    }
    if (hashes_[slot - 1] == h && at(slot - 1) == s) {
      if (added != nullptr) *added = false;
      return slot - 1;
    }
  }
}

void StringIds::grow() {
  std::vector<uint32_t> slots(slots_.size() * 2, 0);
  const std::size_t mask = slots.size() - 1;
  for (uint32_t id = 0; id < hashes_.size(); ++id) {
    std::size_t i = hashes_[id] & mask;
    while (slots[i] != 0) i = (i + 1) & mask;
    slots[i] = id + 1;
  }
  slots_ = std::move(slots);
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
  std::size_t slots = kInitialSlots;
  while (slots * 7 < keys * 10) slots *= 2;  // the load factor place() keeps: at most 70%
  slots_.resize(slots);
}

uint32_t KeyIds::place(std::size_t slot, uint64_t key) {
  const uint32_t id = count_++;
  slots_[slot] = Slot{static_cast<uint32_t>(key), static_cast<uint32_t>(key >> 32), id + 1};
  if (std::size_t{count_} * 10 > slots_.size() * 7) grow();
  return id;
}

void KeyIds::grow() {
  std::vector<Slot> slots(slots_.size() * 2);
  const std::size_t mask = slots.size() - 1;
  for (const Slot& s : slots_) {
    if (s.id_plus_one == 0) continue;
    std::size_t i = hash_key(s.key()) & mask;
    while (slots[i].id_plus_one != 0) i = (i + 1) & mask;
    slots[i] = s;
  }
  slots_.swap(slots);
}

std::vector<uint64_t> KeyIds::keys() const {
  std::vector<uint64_t> out(count_);
  for (const Slot& s : slots_) {
    if (s.id_plus_one != 0) out[s.id_plus_one - 1] = s.key();
  }
  return out;
}

}  // namespace precis
