#include "query/contacts.hpp"

#include <algorithm>
#include <regex>

namespace policyq::query {

std::vector<Item> privacy_contacts(const Document& doc) {
  static const std::regex email(R"([A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,})");
  std::vector<Item> items;
  for (std::size_t s = 0; s < doc.sentences.size(); ++s) {
    const Sentence& sent = doc.sentences[s];
    for (auto it = std::sregex_iterator(sent.text.begin(), sent.text.end(), email); it != std::sregex_iterator(); ++it) {
      std::string addr = it->str();
      while (!addr.empty() && addr.back() == '.') addr.pop_back();
      std::transform(addr.begin(), addr.end(), addr.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
      auto found = std::find_if(items.begin(), items.end(), [&](const Item& i) { return i.label == addr; });
      if (found == items.end()) items.push_back(Item{addr, "email", {static_cast<int>(s)}});
      else if (found->sentences.back() != static_cast<int>(s)) found->sentences.push_back(static_cast<int>(s));
    }
  }
  return items;
}

}  // namespace policyq::query
