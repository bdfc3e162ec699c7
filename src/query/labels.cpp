#include "query/labels.hpp"

#include <string_view>
#include <utility>

namespace policyq::query {

std::string plain_label(std::string_view id) {
  // Ids whose words, spaced out, would not read as English.
  static const std::pair<std::string_view, std::string_view> table[] = {
      {"ip_address", "IP address"},
      {"dnt_signal", "Do Not Track signals"},
      {"usage_data", "usage data"},
      {"device_information", "device information"},
      {"account_credentials", "account credentials"},
      {"identity_document", "government ID numbers"},
      {"audio_visual", "audio and video recordings"},
      {"children_data", "children's data"},
      {"contacts", "your contacts"},
      {"user_content", "content you post"},
      {"financial", "financial information"},
      {"health", "health information"},
      {"biometric", "biometric data"},
      {"demographic", "demographic information"},
      {"employment", "employment information"},
      {"sensitive", "sensitive data"},
      {"social_media", "social media data"},
      {"transactions", "purchase history"},
      {"vehicle", "vehicle data"},
      {"location", "location"},
      {"domain_registration", "domain registration data"},
      {"non_personal_information", "aggregated or de-identified information"},
      {"cross_site_activity", "activity on other websites"},
      {"inferences", "inferences about you"},
      {"first_party", "the company"},
      {"third_party", "third parties"},
      {"service_provider", "service providers"},
      {"analytics_provider", "analytics providers"},
      {"advertiser", "advertisers"},
      {"affiliate", "affiliates"},
      {"partner", "business partners"},
      {"acquirer", "a buyer or successor in a merger or sale"},
      {"government", "government authorities"},
      {"law_enforcement", "law enforcement"},
      {"police", "police"},
      {"data_broker", "data brokers"},
      {"insurer", "insurers"},
      {"payment_partner", "payment processors and banks"},
      {"professional_advisers", "professional advisers"},
      {"public", "the public"},
      {"social_network", "social networks"},
      {"service_provision", "providing the service"},
      {"business_transfer", "a merger, sale or other business transfer"},
      {"legal", "legal obligations"},
      {"improvement", "improving the service"},
      {"personalization", "personalization"},
      {"communication", "communicating with you"},
  };
  for (const auto& [from, to] : table)
    if (id == from) return std::string(to);
  std::string out(id);
  for (char& c : out)
    if (c == '_') c = ' ';
  return out;
}

std::string plain_label(const Lexicon& lex, int concept_index) { return plain_label(lex.entry(concept_index).id); }

}  // namespace policyq::query
