// Phrases that page furniture uses and article prose almost never does, in several languages.
// Each phrase is in comparison_key() form: lowercase, letters and digits, single spaces,
// apostrophes dropped ("you've" -> "youve").
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace precis {

// Phrases that open a paywall or metered-access block ("you've reached your limit"), for a
// PhraseSet that looks for them among other lists in one pass over a line.
std::vector<std::string_view> paywall_phrases();
// Share buttons, newsletter and app prompts, cookie banners, "Advertisement", "Read more".
bool has_interface_phrase(const std::string& key);
// Labels that introduce a list of links to other stories ("Related", "Read more:", "See also").
bool is_related_label(const std::string& key);
// Photo credit words: agencies and credit markers ("Reuters", "Getty Images", "Photo:").
bool has_credit_marker(const std::string& key);
// A line that opens or belongs to a comment section: "Comments", "12 Comments", "Leave a Reply",
// "Jane on May 2, 2019 at 4:47 pm said:", "Reply".
bool is_comment_marker(const std::string& key, std::string_view text);
// Share of the line's words that are interface words (share, tweet, email, print, comments...).
double interface_word_share(const std::string& key);

}  // namespace precis
