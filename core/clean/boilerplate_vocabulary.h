// Phrases that page furniture uses and article prose almost never does, in several languages.
// Each phrase is in comparison_key() form: lowercase, letters and digits, single spaces,
// apostrophes dropped ("you've" -> "youve").
#pragma once

#include <string>

namespace precis {

// Phrases that open a paywall or metered-access block ("you've reached your limit").
bool has_paywall_phrase(const std::string& key);
// Share buttons, newsletter and app prompts, cookie banners, "Advertisement", "Read more".
bool has_interface_phrase(const std::string& key);
// Labels that introduce a list of links to other stories ("Related", "Read more:", "See also").
bool is_related_label(const std::string& key);
// Photo credit words: agencies and credit markers ("Reuters", "Getty Images", "Photo:").
bool has_credit_marker(const std::string& key);
// Share of the line's words that are interface words (share, tweet, email, print, comments...).
double interface_word_share(const std::string& key);

}  // namespace precis
