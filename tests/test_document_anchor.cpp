#include "document/anchor.hpp"
#include <doctest/doctest.h>

using namespace policyq;

TEST_CASE("anchors are GitHub slugs: lower case, punctuation dropped, spaces to hyphens") {
  CHECK(anchor_slug("Information Retention Policy") == "information-retention-policy");
  CHECK(anchor_slug("What Does This Policy Cover?") == "what-does-this-policy-cover");
  CHECK(anchor_slug("\"Cookies\" Information") == "cookies-information");
  CHECK(anchor_slug("Sharing & Disclosure") == "sharing--disclosure");
  CHECK(anchor_slug("snake_case and-hyphen") == "snake_case-and-hyphen");
}

TEST_CASE("anchors keep accented and non-Latin letters, lower-cased") {
  CHECK(anchor_slug("Données Personnelles") == "données-personnelles");
  CHECK(anchor_slug("ÉTÉ 2024") == "été-2024");
}

TEST_CASE("repeated titles are numbered from 1 in document order, skipping taken slugs") {
  AnchorSet set;
  CHECK(set.make("Privacy Policy") == "privacy-policy");
  CHECK(set.make("Privacy Policy") == "privacy-policy-1");
  CHECK(set.make("Privacy Policy 2") == "privacy-policy-2");
  CHECK(set.make("Privacy Policy") == "privacy-policy-3");
}
