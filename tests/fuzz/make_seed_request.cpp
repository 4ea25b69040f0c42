// precis_fuzz_seed OUT.json [--language L] [--sentences N | --words N] FILE...
// Writes a JSON request (schema version 1) with one document per FILE: a seed input for the
// fuzz_json_api target, made at run time from the evaluation data by scripts/fuzz.sh.
#include <nlohmann/json.hpp>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fputs("usage: precis_fuzz_seed OUT.json [--language L] [--sentences N | --words N] FILE...\n", stderr);
    return 2;
  }
  nlohmann::json request = {{"version", 1}, {"documents", nlohmann::json::array()}, {"options", nlohmann::json::object()}};
  for (int i = 2; i < argc; ++i) {
    const std::string a = argv[i];
    if ((a == "--language" || a == "--sentences" || a == "--words") && i + 1 < argc) {
      const std::string v = argv[++i];
      if (a == "--language") request["options"]["language"] = v;
      else request["options"]["budget"] = {{a.substr(2), std::atoi(v.c_str())}};
      continue;
    }
    std::ifstream in(a, std::ios::binary);
    if (!in) {
      std::fprintf(stderr, "precis_fuzz_seed: cannot read %s\n", a.c_str());
      return 2;
    }
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto slash = a.find_last_of('/');
    request["documents"].push_back({{"id", a.substr(slash == std::string::npos ? 0 : slash + 1)}, {"text", text}});
  }
  std::ofstream out(argv[1], std::ios::binary);
  out << request.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return out ? 0 : 1;
}
