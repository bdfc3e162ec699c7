#pragma once
// Site chrome: the navigation menus, link lists, language pickers, log-in dialogs, cookie
// banners and footers that come with a scraped page. Recognised by structure only —
// link density, list shape, repetition, position around the policy's running prose —
// never by any policy's own words. Marks Block::chrome and Section::chrome, and trims
// the line spans of policy sections so they end at their last policy text.
#include "document/document.hpp"

namespace policyq {
void mark_chrome(Document& doc);
}
