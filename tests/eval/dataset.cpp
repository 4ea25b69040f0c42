#include "eval/dataset.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <stdexcept>

namespace precis::eval {
namespace fs = std::filesystem;
namespace {

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// The *.txt files of a directory, sorted by name.
std::vector<fs::path> text_files(const fs::path& dir) {
  if (!fs::is_directory(dir)) throw std::runtime_error("missing directory " + dir.string());
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.is_regular_file() && e.path().extension() == ".txt") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  if (files.empty()) throw std::runtime_error("no .txt files in " + dir.string());
  return files;
}

}  // namespace

std::string date_from_docno(std::string_view docno) {
  std::size_t i = 0;
  while (i < docno.size() && std::isalpha(static_cast<unsigned char>(docno[i]))) ++i;
  if (i == 0 || docno.size() < i + 8) return "";
  const std::string_view d = docno.substr(i, 8);
  if (!std::all_of(d.begin(), d.end(), [](char c) { return c >= '0' && c <= '9'; })) return "";
  if (docno.size() > i + 8 && std::isdigit(static_cast<unsigned char>(docno[i + 8]))) return "";
  const int month = std::stoi(std::string(d.substr(4, 2))), day = std::stoi(std::string(d.substr(6, 2)));
  if (month < 1 || month > 12 || day < 1 || day > 31) return "";
  return std::string(d.substr(0, 4)) + "-" + std::string(d.substr(4, 2)) + "-" + std::string(d.substr(6, 2));
}

std::vector<Cluster> load_dataset(const std::string& dir) {
  const fs::path root(dir);
  std::istringstream list(read_text(root / "clusters.txt"));
  std::vector<Cluster> clusters;
  std::string line;
  while (std::getline(list, line)) {
    std::istringstream fields(line);
    Cluster c;
    if (!(fields >> c.name) || c.name[0] == '#') continue;
    for (const auto& f : text_files(root / c.name / "docs")) {
      const std::string id = f.stem().string();
      c.documents.push_back(InputDocument{id, "", date_from_docno(id), read_text(f), false, {}});
    }
    for (const auto& f : text_files(root / c.name / "refs")) {
      c.reference_names.push_back(f.stem().string());
      c.references.push_back(read_text(f));
    }
    clusters.push_back(std::move(c));
  }
  if (clusters.empty()) throw std::runtime_error("no clusters listed in " + (root / "clusters.txt").string());
  return clusters;
}

}  // namespace precis::eval
