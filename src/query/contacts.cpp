#include "query/contacts.hpp"

#include <algorithm>
#include <functional>
#include <map>
#include <regex>
#include <set>
#include <string_view>

namespace policyq::query {

namespace {

using std::regex;
using std::string;

const auto icase = regex::ECMAScript | regex::icase;

string lower(string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

bool has(const string& text, const regex& re) { return std::regex_search(text, re); }

string trim(string s, std::string_view chars = " \t\r\n") {
  const auto b = s.find_first_not_of(chars);
  if (b == string::npos) return "";
  const auto e = s.find_last_not_of(chars);
  return s.substr(b, e - b + 1);
}

// Spaces collapsed; no-break spaces (U+00A0, common in pasted policies) count as spaces.
string collapse_spaces(const string& in) {
  string s;
  for (std::size_t i = 0; i < in.size(); ++i) {
    if (in[i] == '\xC2' && i + 1 < in.size() && in[i + 1] == '\xA0') {
      s += ' ';
      ++i;
    } else {
      s += in[i];
    }
  }
  string out;
  for (char c : s) {
    const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    if (space && (out.empty() || out.back() == ' ')) continue;
    out += space ? ' ' : c;
  }
  return trim(out);
}

// --- What a sentence is about -------------------------------------------------------------

// The sentence offers a way to reach the company ("contact us", "write to", "questions").
const regex& contact_cue() {
  static const regex re(
      R"(contact|reach (us|out)|get in touch|write (to )?us|writing to|e-?mail us|send (us )?(an? )?(e-?mail|letter|message|request|mail)|)"
      R"(\bquestions?\b|inquir|enquir|\bcomplain|\bconcerns?\b|\bsubmit|\brequest|\bexercis|data protection officer|\bdpo\b|)"
      R"(\bforms?\b|webform|mail to|by (e-?mail|mail|post)\b|e-?mail:|(postal|mailing|following|our|this) address|address(ed)? (to|below|above)|)"
      // French, German, Spanish, Italian, Dutch policies say it in their words.
      R"(contacter|contactez|écrire|écrivez|courrier|kontakt|anfrage|wenden sie sich|schreiben sie|)"
      R"(contacto|escribir|contattar|scrivere)",
      icase);
  return re;
}

// The sentence is about privacy matters (questions about the policy, the data, the rights).
const regex& privacy_cue() {
  static const regex re(
      R"(privacy|personal (data|information)|data protection|\bdpo\b|data subject|your rights|gdpr|ccpa|)"
      R"(\bdelet|\baccess\b|correct|opt.?out|consent|)"
      R"(datenschutz|personenbezogen|données personnelles|protection des données|vie privée|confidentialité|\brgpd\b|)"
      R"(\bdsgvo\b|privacidad|protección de datos|dati personali|persoonsgegevens)",
      icase);
  return re;
}

// Someone else the user may contact: a regulator, an authority, a court, another
// company's page; read in the sentence and in the label (a regulator's domain).
const regex& third_party_cue() {
  static const regex re(
      R"(authorit|autorit|commissioner|commission\b|regulator|supervisory|ombudsman|attorney general|federal trade|)"
      R"(\bftc\b|arbitrat|dispute resolution provider|\bjams\b|\bbbb\b|trustarc|law enforcement|legal requests|)"
      R"(subpoena|\bgovernment|legal process|inspectorate|\bdpa\b|\bico\b|\bcnil\b|datatilsynet|datainspektion|aufsichtsbeh|garante|\baepd\b|autoriteit|\bedpb\b|)"
      R"(ico\.org\.uk|dataprotection\.ie|privacyshield|dataprivacyframework)",
      icase);
  return re;
}

// A label that names a privacy channel itself (privacy@, dpo@, "Attn: Privacy").
const regex& privacy_label() {
  static const regex re(
      R"(privacy|\bdpo\b|dpo[@._-]|data.?protection|gdpr|datenschutz|dsar|ccpa|legal|rgpd|dsgvo|\bdpd\b|privacidad|)"
      R"(donnees|données|protection des|vie.?privee)",
      icase);
  return re;
}

// Placeholders and addresses no one can write to.
bool placeholder(const string& label) {
  static const regex re(
      R"(@(example|domain|yourdomain|yourcompany|company|email|test|sample)\.|example\.(com|org|net)|)"
      R"(\bno-?reply|do-?not-?reply|^(you|your|name|user|username|john\.?doe|jane\.?doe)@)",
      icase);
  return has(label, re);
}

// --- Candidates ---------------------------------------------------------------------------

struct Candidate {
  Item item;
  int score = 0;   // higher first: privacy channels, then general ones, third parties last
  int kind = 0;    // e-mail, web form, postal address: the order among equals
  bool chrome = true;  // found only in site chrome
};

int kind_rank(const string& concept_id) {
  if (concept_id == "email") return 0;
  if (concept_id == "web_form") return 1;
  return 2;
}

// A sentence with what tells what its links are for: the title of a section about
// contacting, and, for a list item, the paragraph that leads into its list ("You can
// contact us:" tells what "* Through our [Help Center](...)" is for).
string context_text(const Document& doc, int s) {
  const Sentence& sent = doc.sentences[static_cast<std::size_t>(s)];
  string text = sent.text;
  if (sent.block < 0) return text;
  int b = sent.block;
  const Block& block = doc.blocks[static_cast<std::size_t>(b)];
  // A section about contacting makes its links and addresses ways to contact.
  static const regex contact_title(R"(contact|get in touch|reach us)", icase);
  if (sent.section >= 0 && has(doc.sections[static_cast<std::size_t>(sent.section)].title, contact_title))
    text += " (" + doc.sections[static_cast<std::size_t>(sent.section)].title + ")";
  if (block.kind != BlockKind::list_item || block.list < 0) return text;
  while (b > 0 && doc.blocks[static_cast<std::size_t>(b - 1)].list == block.list) --b;
  if (b == 0) return text;
  const Block& lead = doc.blocks[static_cast<std::size_t>(b - 1)];
  // Only a short lead-in about contacting ("You can reach us:"): most lists of links are
  // led in by sentences that mention requests or questions in passing.
  static const regex reach(R"(contact|reach|write to|get in touch|by (e-?mail|mail|post)\b)", icase);
  const string lead_text = trim(lead.text);
  if (lead.kind == BlockKind::paragraph && lead.section == block.section && lead_text.size() <= 200 &&
      !lead_text.empty() && lead_text.back() == ':' && has(lead_text, reach))
    text += " " + lead_text;
  return text;
}

// How much a sentence (and its section) says "this is how to reach us about privacy".
// at: where the contact is in the sentence (npos: anywhere). A regulator or another
// company named just before it makes it theirs ("complain to the CNIL at ..."); one named
// after it does not ("contact our DPO at dpo@acme.com or the CNIL").
int context_score(const Document& doc, int s, std::size_t at = string::npos) {
  const Sentence& sent = doc.sentences[static_cast<std::size_t>(s)];
  const string text = context_text(doc, s);
  int score = 0;
  if (has(text, privacy_cue())) score += 2;
  if (has(text, contact_cue())) score += 1;
  if (sent.section >= 0) {
    static const regex contact_section(R"(contact|question|reach|get in touch|how to|data protection officer)", icase);
    const string& title = doc.sections[static_cast<std::size_t>(sent.section)].title;
    if (has(title, contact_section)) score += 1;
  }
  const std::size_t end = at == string::npos ? sent.text.size() : std::min(at, sent.text.size());
  const std::size_t begin = at == string::npos || end < 120 ? 0 : end - 120;
  if (has(sent.text.substr(begin, end - begin), third_party_cue())) score -= 6;
  return score;
}

// One page written with and without its final "/" (the label keeps the "/": the form
// without it is a part of it when someone looks for it).
bool same_contact(const string& a, const string& b) {
  return a == b || (a.find('@') == string::npos && (a + "/" == b || b + "/" == a));
}

void add(std::vector<Candidate>& out, const Document& doc, const string& label, const string& concept_id, int s,
         int score) {
  if (label.empty() || placeholder(label)) return;
  const bool chrome = doc.is_chrome(doc.sentences[static_cast<std::size_t>(s)]);
  if (chrome) score -= 1;  // the body's own wording comes first
  // "legal@" is a privacy channel; "/legal/" in a URL says little.
  static const regex legal(R"(legal)", icase);
  if (has(label, third_party_cue())) score -= 6;
  else if (has(label, privacy_label()) && !(concept_id == "web_form" && !has(std::regex_replace(label, legal, ""), privacy_label())))
    score += 3;
  auto found = std::find_if(out.begin(), out.end(), [&](const Candidate& c) { return same_contact(c.item.label, label); });
  if (found == out.end()) {
    out.push_back(Candidate{Item{label, concept_id, {s}}, score, kind_rank(concept_id), chrome});
    return;
  }
  if (label.size() > found->item.label.size()) found->item.label = label;
  // The best context an address is given in decides its rank.
  found->score = std::max(found->score, score);
  found->chrome = found->chrome && chrome;
  auto& ss = found->item.sentences;
  if (std::find(ss.begin(), ss.end(), s) == ss.end()) {
    ss.push_back(s);
    std::sort(ss.begin(), ss.end());
  }
}

string clean_email(string addr) {
  while (!addr.empty() && (addr.back() == '.' || addr.back() == '-')) addr.pop_back();
  // "privacy@acme.com.Also, ..." (no space after the period): the capitalised last label
  // is the next sentence's first word.
  const auto dot = addr.rfind('.');
  const auto at = addr.find('@');
  if (dot != string::npos && at != string::npos && dot > addr.find('.', at) && std::isupper(static_cast<unsigned char>(addr[dot + 1])) &&
      std::all_of(addr.begin() + static_cast<std::ptrdiff_t>(at), addr.begin() + static_cast<std::ptrdiff_t>(dot),
                  [](unsigned char c) { return !std::isupper(c); }))
    addr.erase(dot);
  return lower(addr);
}

// --- Links in the Markdown source ---------------------------------------------------------

struct Link {
  string text;  // link text with markup removed
  string url;
};

// Link text as rendered: escapes, emphasis and code marks removed, spaces collapsed.
string rendered(const string& md) {
  string out;
  for (std::size_t i = 0; i < md.size(); ++i) {
    const char c = md[i];
    if (c == '\\' && i + 1 < md.size() && std::ispunct(static_cast<unsigned char>(md[i + 1]))) {
      out += md[++i];
    } else if (c == '*' || c == '`' || (c == '_' && (i == 0 || i + 1 == md.size() || md[i - 1] == '_' || md[i + 1] == '_'))) {
      continue;
    } else {
      out += c;
    }
  }
  return collapse_spaces(out);
}

// The end of a bracketed span starting at open ('['), with escapes and nesting; npos if none.
std::size_t closing_bracket(const string& s, std::size_t open) {
  int depth = 0;
  for (std::size_t i = open; i < s.size(); ++i) {
    if (s[i] == '\\') { ++i; continue; }
    if (s[i] == '[') ++depth;
    else if (s[i] == ']' && --depth == 0) return i;
  }
  return string::npos;
}

// Inline links [text](url "title"), reference links [text][ref] / [text] with their
// definitions, and autolinks <url>.
std::vector<Link> links_in(const string& md, const std::map<string, string>& refs) {
  std::vector<Link> links;
  for (std::size_t i = 0; i < md.size(); ++i) {
    if (md[i] == '\\') { ++i; continue; }
    if (md[i] == '<') {
      const auto close = md.find('>', i);
      if (close == string::npos) continue;
      const string inner = md.substr(i + 1, close - i - 1);
      static const regex auto_link(R"((https?://|mailto:|www\.)[^\s<>]+)", icase);
      if (std::regex_match(inner, auto_link)) {
        links.push_back(Link{inner, inner});
        i = close;
      }
      continue;
    }
    if (md[i] != '[') continue;
    const auto close = closing_bracket(md, i);
    if (close == string::npos) continue;
    const string text = md.substr(i + 1, close - i - 1);
    if (close + 1 < md.size() && md[close + 1] == '(') {
      std::size_t j = close + 2;
      while (j < md.size() && std::isspace(static_cast<unsigned char>(md[j]))) ++j;
      std::size_t k = j;
      int parens = 0;
      if (k < md.size() && md[k] == '<') {
        k = md.find('>', k);
        if (k == string::npos) continue;
        links.push_back(Link{rendered(text), md.substr(j + 1, k - j - 1)});
      } else {
        for (; k < md.size() && !std::isspace(static_cast<unsigned char>(md[k])); ++k) {
          if (md[k] == '(') ++parens;
          else if (md[k] == ')' && parens-- == 0) break;
        }
        links.push_back(Link{rendered(text), md.substr(j, k - j)});
      }
      // Link text may hold links itself (an image in a link): look inside it too.
      for (Link& inner : links_in(text, refs)) links.push_back(inner);
      i = k;
      continue;
    }
    // A reference link: [text][ref], [text][] or [text].
    string ref = text;
    std::size_t end = close;
    if (close + 1 < md.size() && md[close + 1] == '[') {
      const auto rclose = md.find(']', close + 1);
      if (rclose != string::npos) {
        if (rclose > close + 2) ref = md.substr(close + 2, rclose - close - 2);
        end = rclose;
      }
    }
    auto def = refs.find(lower(collapse_spaces(ref)));
    if (def != refs.end()) {
      links.push_back(Link{rendered(text), def->second});
      i = end;
    }
  }
  return links;
}

// Reference definitions "[ref]: url" of the whole document, keys lower-cased.
std::map<string, string> reference_definitions(const Document& doc) {
  static const regex def(R"(^ {0,3}\[([^\]]+)\]:\s*<?([^\s>]+)>?)");
  std::map<string, string> refs;
  std::smatch m;
  for (int n = 1; n <= doc.line_count; ++n) {
    const string line(doc.line(n));
    const auto first = line.find_first_not_of(' ');
    if (first == string::npos || first > 3 || line[first] != '[') continue;  // cheap test first
    if (std::regex_search(line, m, def)) refs.emplace(lower(collapse_spaces(m[1].str())), m[2].str());
  }
  return refs;
}

// Lines first..last of the source, joined with newlines.
string source_lines(const Document& doc, int first, int last) {
  string out;
  for (int n = std::max(first, 1); n <= last && n <= doc.line_count; ++n) {
    if (!out.empty()) out += '\n';
    out += doc.line(n);
  }
  return out;
}

// "%40" -> "@", "%e2%80%90" -> "‐": mailto targets are URLs.
string percent_decoded(const string& s) {
  string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
      out += static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

// A URL ends before trailing punctuation that closes the sentence around it.
string trim_url(string url) {
  while (!url.empty() && std::string_view(".,;:!?'\"").find(url.back()) != std::string_view::npos) url.pop_back();
  while (!url.empty() && url.back() == ')' && std::count(url.begin(), url.end(), '(') < std::count(url.begin(), url.end(), ')'))
    url.pop_back();
  return url;
}

// Does a link lead to a way of contacting the company? Its text says so ("contact us",
// "privacy request form", "Data Protection Officer"), or the sentence is about contacting
// and the text only points ("here", the URL itself, "Help Center"). -1: no.
int link_score(const string& text_in, const std::function<bool()>& contacting) {
  static const regex strong(
      R"(contact|\bforms?\b|webform|inquir|enquir|request|data protection officer|\bdpo\b|email protected|)"
      R"(get in touch|write to us|reach us|privacy (cent|portal|team|office|rights|choices))",
      icase);
  static const regex weak(R"(\bsupport\b|\bhelp\b|\bask\b|privacy|^(here|click here|this link|link|online|this page|this form|page|website|portal)$)",
                          icase);
  static const regex url(R"(^(https?://|www\.)|^[\w-]+(\.[\w-]+)+(/|$))", icase);
  static const regex policy_doc(R"(privacy.?(policy|notice|statement|shield|framework)|cookie|terms|guide|policies)", icase);
  static const regex asks(R"(contact|inquir|enquir|request|\bforms?\b)", icase);
  const string text = trim(text_in, " .,;:!");
  // The sentence is read last: most links are ruled out by their text alone.
  if (has(text, url)) return !has(text, policy_doc) && contacting() ? 0 : -1;
  if (has(text, policy_doc) && !has(text, asks)) return -1;
  if (has(text, strong)) return 1;
  return has(text, weak) && contacting() ? 0 : -1;
}

// The name of the site of a URL or an e-mail address: "help.x.com" -> "x",
// "privacy@acme.co.uk" -> "acme"; "" for a relative link (the policy's own site).
string site_name(const string& address) {
  static const regex host(R"(^(?:[a-z]+://)?(?:[^@/]*@)?([^/:?#]+))", icase);
  std::smatch m;
  if (address.empty() || address[0] == '/' || !std::regex_search(address, m, host)) return "";
  std::vector<string> labels;
  const string h = lower(m[1].str());
  for (std::size_t b = 0, e; b <= h.size(); b = e + 1) {
    e = h.find('.', b);
    if (e == string::npos) e = h.size();
    labels.push_back(h.substr(b, e - b));
  }
  if (labels.size() >= 2) labels.pop_back();  // the top-level domain
  static const std::set<string> second_level = {"co", "com", "org", "net", "gov", "ac", "gouv", "ne", "or"};
  if (labels.size() >= 2 && second_level.count(labels.back())) labels.pop_back();
  return labels.back();
}

// The company's own sites: those of the e-mail addresses it gives and the site most of
// its links lead to. A page elsewhere ("facebook.com/about/privacy") is someone else's.
std::set<string> own_sites(const Document& doc, const std::vector<std::pair<int, Link>>& links) {
  static const regex email(R"([A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,})");
  std::set<string> own;
  for (const Sentence& sent : doc.sentences)
    for (auto it = std::sregex_iterator(sent.text.begin(), sent.text.end(), email); it != std::sregex_iterator(); ++it)
      own.insert(site_name(it->str()));
  std::map<string, int> count;
  for (const auto& [block, link] : links) ++count[site_name(link.url)];
  const auto top = std::max_element(count.begin(), count.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
  if (top != count.end()) own.insert(top->first);
  own.erase("");
  return own;
}

// One link of a block: a mailto target is an e-mail address; a link about contacting is
// a web form or privacy page (ranked lower when it leads to someone else's site and its
// text does not say it is a form).
// contacting: per sentence, -1 unknown, else whether its context is about contacting.
void add_link(const Document& doc, const Block& block, const Link& link, const std::set<string>& own,
              std::vector<signed char>& contacting, std::vector<Candidate>& out) {
  // The sentence of the block that shows the link text (the first one when none does).
  int s = block.sentences.front();
  for (int c : block.sentences)
    if (!link.text.empty() && collapse_spaces(doc.sentences[static_cast<std::size_t>(c)].text).find(link.text) != string::npos) {
      s = c;
      break;
    }
  const string& text = doc.sentences[static_cast<std::size_t>(s)].text;
  const std::size_t at = link.text.empty() ? string::npos : collapse_spaces(text).find(link.text);
  string url = trim(link.url);
  if (lower(url.substr(0, 7)) == "mailto:") {
    url = percent_decoded(url.substr(7));
    url = url.substr(0, url.find('?'));
    if (url.find('@') != string::npos) add(out, doc, clean_email(url), "email", s, context_score(doc, s, at) + 1);
    return;
  }
  static const regex web(R"(^(https?://|www\.|/[^/]))", icase);
  if (!has(url, web)) return;
  int score = link_score(link.text.empty() ? url : link.text, [&] {
    signed char& known = contacting[static_cast<std::size_t>(s)];
    if (known < 0) known = has(context_text(doc, s), contact_cue()) ? 1 : 0;
    return known == 1;
  });
  if (score < 0) return;
  const string site = site_name(url);
  if (score == 0 && !site.empty() && !own.empty() && !own.count(site)) score -= 2;
  // The link text may name someone else: "Guidelines for Legal Requests", "the ICO".
  if (has(link.text, third_party_cue())) score -= 6;
  add(out, doc, url, "web_form", s, context_score(doc, s, at) + score);
}

// Web forms and privacy pages: link targets of links about contacting, and bare URLs in
// sentences about contacting; mailto: links give e-mail addresses.
void collect_links(const Document& doc, std::vector<Candidate>& out) {
  const auto refs = reference_definitions(doc);
  std::vector<std::pair<int, Link>> links;  // block, link
  for (std::size_t b = 0; b < doc.blocks.size(); ++b) {
    const Block& block = doc.blocks[b];
    if (block.sentences.empty()) continue;
    for (Link& link : links_in(source_lines(doc, block.first_line, block.last_line), refs))
      links.push_back({static_cast<int>(b), std::move(link)});
  }
  const std::set<string> own = own_sites(doc, links);
  std::vector<signed char> contacting(doc.sentences.size(), -1);
  for (const auto& [b, link] : links) add_link(doc, doc.blocks[static_cast<std::size_t>(b)], link, own, contacting, out);
  static const regex bare(R"((https?://|www\.)[^\s<>"'\]\[]+)", icase);
  for (const Block& block : doc.blocks) {
    for (int s : block.sentences) {
      const string& text = doc.sentences[static_cast<std::size_t>(s)].text;
      if (text.find("http") == string::npos && text.find("www.") == string::npos) continue;  // cheap test first
      const string context = context_text(doc, s);
      if (!has(context, contact_cue())) continue;
      for (auto it = std::sregex_iterator(text.begin(), text.end(), bare); it != std::sregex_iterator(); ++it) {
        const string url = trim_url(it->str());
        if (link_score(url, [] { return true; }) >= 0)
          add(out, doc, url, "web_form", s, context_score(doc, s, static_cast<std::size_t>(it->position(0))));
      }
    }
  }
}

// E-mail addresses in the rendered text.
void collect_emails(const Document& doc, std::vector<Candidate>& out) {
  static const regex email(R"([A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,})");
  for (std::size_t s = 0; s < doc.sentences.size(); ++s) {
    const string& text = doc.sentences[s].text;
    for (auto it = std::sregex_iterator(text.begin(), text.end(), email); it != std::sregex_iterator(); ++it)
      add(out, doc, clean_email(it->str()), "email", static_cast<int>(s),
          context_score(doc, static_cast<int>(s), static_cast<std::size_t>(it->position(0))) + 1);
  }
}

// --- Postal addresses ---------------------------------------------------------------------

// A street line: "1 Main Street", "One Cumberland Place", "Suite 250", "P.O. Box 12", "Musterstraße 5".
bool street_like(const string& line) {
  static const regex number_street(
      R"(\b(\d{1,6}[A-Za-z]?(-\d{1,5})?|one|two|three|four|five|six|seven|eight|nine|ten),?\s+([^\s,]+\s+){0,4}?)"
      R"((street|st|avenue|ave|road|rd|boulevard|blvd|drive|dr|lane|ln|way|place|pl|square|sq|plaza|parkway|pkwy|)"
      R"(court|ct|circle|highway|hwy|terrace|row|quay|wharf|crescent|close|walk|broadway|alley|fm|route|park|)"
      R"(center|centre|house|tower|building)\b)",
      icase);
  static const regex unit(R"(\b(suite|ste\.?|floor|unit|building|bldg\.?)\s*#?\d+|\bp\.?\s?o\.?\s*box\s*\d+)", icase);
  static const regex street_first(
      R"((straße|strasse|str\.|weg|gasse|platz|laan|gracht|plein|vej|gatan|gade|allee|kade)\s+\d+|)"
      R"(\b(rue|via|calle|avenida|viale|piazza|rua|carrer)\s+\S+)",
      icase);
  // A short line naming only the street: "Merrion Road", "Fenian Street".
  static const regex street_only(
      R"(^([A-Z][\w'.-]*\s+){1,3}(street|avenue|road|boulevard|lane|square|plaza|parkway|quay|terrace|crescent)$)", icase);
  return has(line, number_street) || has(line, unit) || has(line, street_first) || has(line, street_only);
}

// A postcode with what usually goes with it: "CA 94105", "D02 AX07", "W1A 1AA", "10117 Berlin".
bool postcode_like(const string& line) {
  static const regex us(R"(\b[A-Z]{2},?\s+\d{5}(-\d{4})?\b|\b(California|New York|Texas|Washington|Delaware)\s+\d{5}\b)");
  static const regex uk(R"(\b[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}\b)");
  static const regex eircode(R"(\b[AC-FHKNPRTV-Y]\d{2}\s?[0-9AC-FHKNPRTV-Y]{4}\b)");
  static const regex canada(R"(\b[A-Z]\d[A-Z]\s?\d[A-Z]\d\b)");
  // "10117 Berlin" after a comma; at the start of a line only when it is no street
  // ("2243 Fillmore St" starts the same way).
  static const regex european(R"((,\s*|\b[A-Z]{1,2}-)\d{4,5}(\s[A-Z]{2})?\s+[A-ZÄÖÜ][a-zäöüéè]+)");
  static const regex european_first(R"(^\d{4,5}(\s[A-Z]{2})?\s+[A-ZÄÖÜ][a-zäöüéè]+)");
  return has(line, us) || has(line, uk) || has(line, eircode) || has(line, canada) || has(line, european) ||
         (has(line, european_first) && !street_like(line));
}

bool attention_like(const string& line) {
  static const regex re(R"(^(attn|attention|fao|c/o|care of)\b)", icase);
  return has(line, re);
}

// A source line as the reader sees it: list markers, quotes, emphasis, hard breaks and
// link markup removed.
string plain_line(string line) {
  static const regex marker(R"(^\s*(>\s*)*([*+-]|\d{1,3}[.)])?\s+)");
  static const regex link(R"(\[([^\]]*)\]\([^)]*\))");
  static const regex tag(R"(<[^>]{1,40}>)");
  // Each replacement only where its markup may be: std::regex is slow on long documents.
  const auto first = line.find_first_not_of(' ');
  if (first != string::npos && std::string_view(">*+-0123456789").find(line[first]) != std::string_view::npos)
    line = std::regex_replace(line, marker, "");
  if (line.find("](") != string::npos) line = std::regex_replace(line, link, "$1");
  if (line.find('<') != string::npos) line = std::regex_replace(line, tag, " ");
  line = rendered(line);
  return trim(line, " \t\\,;");
}

// Could a (plain) line be one line of an address: short, no sentence, no lead-in?
bool address_part(const string& line) {
  if (line.empty() || line.size() > 100 || line[0] == '#' || line[0] == '|') return false;
  if (std::count(line.begin(), line.end(), ' ') > 12 || line.back() == ':') return false;
  // "Last updated: 1 May 2024" sits next to addresses in footers; it is none.
  static const regex dated(
      R"(^(last )?(updated|effective|revised|published|modified|date)\b|\b(january|february|march|april|may|june|july|august|september|october|november|december)\s+\d{1,2},?\s+\d{4}|\b\d{1,2}\s+(january|february|march|april|may|june|july|august|september|october|november|december)\s+\d{4})",
      icase);
  if (std::any_of(line.begin(), line.end(), [](unsigned char c) { return std::isdigit(c); }) && has(line, dated)) return false;
  if (line.back() == '.' || line.back() == '!' || line.back() == '?') {
    // Only an abbreviation ends an address line with a period ("Inc.", "U.S.A.", "St.").
    static const regex abbreviation(
        R"((^|\s)(inc|ltd|corp|co|llc|l\.l\.c|st|ave|rd|dr|blvd|ste|plc|pty|s\.a|n\.v|b\.v|u\.s\.a|u\.s|ag|sa|sl|bv|nv|gmbh|p\.o)\.$)",
        icase);
    if (!has(line, abbreviation)) return false;
  }
  return true;
}

// Lines of an address that are not the address: phone, e-mail, web, a heading-like lead-in.
bool not_address(const string& line) {
  static const regex other(
      R"(@|https?://|www\.|^(phone|tel|telephone|fax|e-?mail|web|website|toll.free)\b|^\+?[\d ().-]{7,}$)", icase);
  return has(line, other);
}

// Drops a lead-in label ("Mailing address: ", "By mail: ") before the address itself.
string without_lead_in(const string& line) {
  static const regex lead(
      R"(^((by |our |postal |mailing |physical |registered |office |snail )*(mail|post|address|office|headquarters|letter)( address)?)\s*:\s*)",
      icase);
  return std::regex_replace(line, lead, "");
}

struct AddressLine {
  string text;
  int line = 0;
};

// The sentences overlapping source lines first..last.
std::vector<int> sentences_on(const Document& doc, int first, int last) {
  std::vector<int> out;
  for (std::size_t s = 0; s < doc.sentences.size(); ++s)
    if (doc.sentences[s].last_line >= first && doc.sentences[s].first_line <= last) out.push_back(static_cast<int>(s));
  return out;
}

// A line after the street and postcode that still belongs to the address: a country
// (named, or a short line in capitals that is no company name).
bool country_like(const string& line) {
  static const regex named(
      R"(^(the )?(usa|u\.s\.a\.?|u\.s\.|us|united states( of america)?|uk|united kingdom|(republic of )?ireland|canada|)"
      R"(germany|deutschland|france|(the )?netherlands|switzerland|schweiz|suisse|singapore|australia|japan|india|israel|)"
      R"(sweden|luxembourg|belgium|spain|españa|italy|italia|cyprus|finland|denmark|norway|austria|österreich|poland|)"
      R"(brazil|china|hong kong|taiwan|korea|mexico|portugal|new zealand|irlande|allemagne|royaume-uni|états-unis|)"
      R"(etats-unis|pays-bas|emirates|united arab emirates|uae)\.?$)",
      icase);
  static const regex capitals(R"(^[A-Z][A-Z.'-]*( [A-Z][A-Z.'-]*){0,2}$)");
  static const regex company(R"(\b(inc|ltd|llc|gmbh|corp|limited|company|plc|ag|sa|bv|nv)\b)", icase);
  return has(line, named) || (has(line, capitals) && !has(line, company));
}

// What each line of a run of short lines may be: part of a street, a postcode, an "Attn:".
struct LineMarks {
  std::vector<char> street, postcode, attn;
  bool anchor(std::size_t i) const { return street[i] || postcode[i] || attn[i]; }
};

// A run of short lines may hold several addresses one after another (offices in several
// countries): an address ends after its postcode line and the country and "Attn:" lines
// that follow it, when another address follows. Returns [first, last] of each address:
// up to three name lines before its first anchor, through its last anchor (and a country).
std::vector<std::pair<std::size_t, std::size_t>> address_spans(const std::vector<AddressLine>& group, const LineMarks& m) {
  static const regex lead_line(R"(^(contact|address|mailing|postal|our address|by mail|mail|write|questions)\b)", icase);
  std::vector<std::pair<std::size_t, std::size_t>> spans;
  std::size_t begin = 0;
  while (begin < group.size()) {
    std::size_t first = begin;
    while (first < group.size() && !m.anchor(first)) ++first;
    if (first == group.size()) break;
    std::size_t end = first;  // the postcode line that closes this address, or the last anchor
    while (end + 1 < group.size() && !m.postcode[end]) ++end;
    while (end + 1 < group.size() && (m.attn[end + 1] || (country_like(group[end + 1].text) && !m.anchor(end + 1)))) ++end;
    if (!m.postcode[end] && !m.attn[end]) {
      // No postcode: the address runs to the last anchor of the run.
      end = first;
      for (std::size_t i = first; i < group.size(); ++i)
        if (m.anchor(i)) end = i;
      // Then the place lines ("Grand Canal Harbour", "Dublin 2") and the country.
      static const regex place(R"(^[A-Z][\w'.-]*( [A-Z][\w'.-]*){0,3}( \d{1,2})?$)");
      for (int k = 0; k < 3 && end + 1 < group.size() && has(group[end + 1].text, place); ++k) ++end;
      if (end + 1 < group.size() && country_like(group[end + 1].text)) ++end;
    }
    std::size_t start = std::max(begin, first >= 3 ? first - 3 : 0);
    while (start < first && has(group[start].text, lead_line)) ++start;
    spans.push_back({start, end});
    begin = end + 1;
  }
  return spans;
}

// Adds the addresses a run of consecutive short lines gives, if it gives any: a street with
// a postcode, or either with an "Attn:". Marks the lines of the addresses it adds in covered.
void emit_address(const Document& doc, std::vector<AddressLine> group, std::vector<Candidate>& out,
                  std::vector<char>& covered) {
  // Every address has a number (street, postcode) or an "Attn:": a cheap test first.
  static const regex attn_word(R"(attn|attention|fao|c/o)", icase);
  if (std::none_of(group.begin(), group.end(), [](const AddressLine& l) {
        return std::any_of(l.text.begin(), l.text.end(), [](unsigned char c) { return std::isdigit(c); }) ||
               has(l.text, attn_word);
      }))
    return;
  group.erase(std::remove_if(group.begin(), group.end(), [](const AddressLine& l) { return not_address(l.text); }),
              group.end());
  LineMarks m;
  for (const AddressLine& l : group) {
    m.street.push_back(street_like(l.text));
    const bool digit = std::any_of(l.text.begin(), l.text.end(), [](unsigned char c) { return std::isdigit(c); });
    m.postcode.push_back(digit && postcode_like(l.text));  // every postcode has a digit
    m.attn.push_back(attention_like(l.text));
  }
  std::vector<std::pair<string, std::pair<int, int>>> labels;  // label, its lines
  for (const auto& [first, last] : address_spans(group, m)) {
    bool street = false, postcode = false, attn = false;
    for (std::size_t i = first; i <= last; ++i) {
      street |= m.street[i] != 0;
      postcode |= m.postcode[i] != 0;
      attn |= m.attn[i] != 0;
    }
    if (!(street && postcode) && !(attn && (street || postcode))) continue;
    string label;
    for (std::size_t i = first; i <= last; ++i) label += (label.empty() ? "" : ", ") + without_lead_in(group[i].text);
    labels.push_back({label, {group[first].line, group[last].line}});
  }
  for (const auto& [label, span] : labels) {
    // The sentence that introduces the address ("send mail to:") tells what it is for.
    int intro = -1;
    for (std::size_t s = 0; s < doc.sentences.size() && doc.sentences[s].last_line < span.first; ++s)
      intro = static_cast<int>(s);
    std::vector<int> own = sentences_on(doc, span.first, span.second);
    int score = -100;
    for (int s : own) score = std::max(score, context_score(doc, s));
    const bool introduced = intro >= 0 && has(doc.sentences[static_cast<std::size_t>(intro)].text, contact_cue()) &&
                            span.first - doc.sentences[static_cast<std::size_t>(intro)].last_line <= 4;
    if (introduced) {
      score = std::max(score, context_score(doc, intro));
      own.insert(own.begin(), intro);
    }
    if (own.empty()) continue;
    for (int s : own) add(out, doc, label, "postal_address", s, score);
    for (int n = span.first; n <= span.second; ++n) covered[static_cast<std::size_t>(n)] = 1;
  }
}

// An address written inside a sentence: "write to us at Acme Inc., 1 Main St, Springfield, CA 94105, USA."
// Sentences on covered lines are skipped: their address was read from its lines already.
// Does text at i start with a capital (ASCII or Latin-1 in UTF-8: "É", "Ö") or a digit?
bool starts_capital(const string& text, std::size_t i) {
  const auto c = static_cast<unsigned char>(text[i]);
  if (std::isupper(c) || std::isdigit(c)) return true;
  const auto next = i + 1 < text.size() ? static_cast<unsigned char>(text[i + 1]) : 0;
  return c == 0xC3 && next >= 0x80 && next <= 0x9E;
}

// Where the run of capitalised words ending part begins ("... services of Acme Media" ->
// "Acme Media"), at most five words; part.size() when part does not end with one.
std::size_t capitalised_tail(const string& part) {
  std::size_t begin = part.size();
  for (int words = 0; words < 5 && begin > 1; ++words) {
    // The space before the word that ends at begin (begin - 1 is the space after it).
    const std::size_t space = part.rfind(' ', begin == part.size() ? begin - 1 : begin - 2);
    const std::size_t w = space == string::npos ? 0 : space + 1;
    if (w >= begin || !(starts_capital(part, w) || part[w] == '&')) break;
    begin = w;
  }
  return begin;
}

// Where the name before a street begins in before (which ends just before the street):
// up to three comma-separated parts of at most six words, each starting with a capital
// or a digit ("Acme Inc., Attn: Legal, "); a company suffix part ("Inc.") takes the
// capitalised words before it, a long part its capitalised tail. before.size(): none.
std::size_t name_start(const string& before) {
  static const regex suffix(R"(^(inc|llc|ltd|l\.l\.c|corp|co|gmbh|plc|s\.a|sas|sarl|b\.v|n\.v|ag|limited)\.?$)", icase);
  std::size_t cut = before.size();
  for (int parts = 0; parts < 3; ++parts) {
    const std::size_t end = cut >= 2 && before.compare(cut - 2, 2, ", ") == 0 ? cut - 2 : cut;
    if (end == 0) break;
    const std::size_t comma = before.rfind(", ", end - 1);
    const std::size_t begin = comma == string::npos ? 0 : comma + 2;
    const string part = before.substr(begin, end - begin);
    if (part.empty()) break;
    if (std::count(part.begin(), part.end(), ' ') > 5 || !starts_capital(part, 0)) {
      const std::size_t tail = capitalised_tail(part);
      if (tail < part.size()) cut = begin + tail;
      break;
    }
    cut = begin;
    if (comma == string::npos) break;
    if (has(part, suffix)) {
      // "Twitter, Inc.": the name is the capitalised words before the suffix.
      const std::size_t prev_begin = before.rfind(", ", comma - 1);
      const std::size_t pb = prev_begin == string::npos ? 0 : prev_begin + 2;
      const string prev = before.substr(pb, comma - pb);
      const std::size_t tail = capitalised_tail(prev);
      if (tail < prev.size()) cut = pb + tail;
      break;
    }
  }
  return cut;
}

void inline_addresses(const Document& doc, std::vector<Candidate>& out, const std::vector<char>& covered) {
  static const regex street(
      R"(\b\d{1,6}[A-Za-z]?\s+([A-Z0-9][^\s,]*\s+){0,4}?(Street|St\.?|Avenue|Ave\.?|Road|Rd\.?|Boulevard|Blvd\.?|Drive|Dr\.?|Lane|Way|Place|Square|Plaza|Parkway|Court|Highway|Terrace|Quay|Broadway)\b|)"
      R"(\bP\.?\s?O\.?\s*Box\s*\d+|\b\d{1,4},?\s+(rue|avenue|boulevard|bd|place|allée|chemin|quai|via|viale|calle|avenida|rua)\s)");
  static const regex postcode(
      R"(\b[A-Z]{2},?\s+\d{5}(-\d{4})?\b|\b[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}\b|\b[AC-FHKNPRTV-Y]\d{2}\s?[0-9AC-FHKNPRTV-Y]{4}\b|,\s*\d{4,5}\s+[A-Z][^\s,.;()]*)");
  static const regex country(R"(^,?\s+(U\.S\.A\.|U\.S\.|[A-Z][A-Za-z]+( (of )?[A-Z][A-Za-z]+){0,2})\b)");
  static const regex attention(R"(^,?\s+(attn|attention|fao)\b[:.]?\s*[^,.;()]*)", icase);
  static const regex lead(R"((:\s|\bat\s|\bto\s|\bby\s|\(|\||\baddress\s(is\s)?|\bis\s))");
  static const regex attn_colon(R"((attn|attention|fao|a l'attention de)\s*:\s$)", icase);
  std::smatch m, p, c;
  for (std::size_t s = 0; s < doc.sentences.size(); ++s) {
    const string& text = doc.sentences[s].text;
    if (std::any_of(covered.begin() + doc.sentences[s].first_line, covered.begin() + doc.sentences[s].last_line + 1,
                    [](char c) { return c != 0; }))
      continue;
    if (std::none_of(text.begin(), text.end(), [](unsigned char c) { return std::isdigit(c); })) continue;
    // Every address of the sentence: each search starts after the address before.
    for (std::size_t from = 0; from < text.size();) {
      const string tail = text.substr(from);
      if (!std::regex_search(tail, m, street)) break;
      const std::size_t at = from + static_cast<std::size_t>(m.position(0));
      const string after = text.substr(at);
      if (!std::regex_search(after, p, postcode) || p.position(0) > 90) {
        from = at + static_cast<std::size_t>(m.length(0));
        continue;
      }
      std::size_t end = at + static_cast<std::size_t>(p.position(0) + p.length(0));
      const string rest = text.substr(end);
      if (std::regex_search(rest, c, attention) || std::regex_search(rest, c, country)) end += static_cast<std::size_t>(c.length(0));
      // The start: just after the lead-in ("at", ":", "to") before the company name, not
      // the colon of an "Attn:".
      std::size_t start = std::max(from, at >= 90 ? at - 90 : 0);
      const string before = text.substr(start, at - start);
      std::size_t cut = 0;
      for (auto it = std::sregex_iterator(before.begin(), before.end(), lead); it != std::sregex_iterator(); ++it) {
        const std::size_t after_lead = static_cast<std::size_t>(it->position(0) + it->length(0));
        if (!has(before.substr(0, after_lead), attn_colon)) cut = after_lead;
      }
      // No lead-in near, or one far from the street: the name is the few short
      // comma-separated parts just before the street ("Acme Inc., Attn: Legal, 1 Main St").
      if (cut == 0 || std::count(before.begin() + static_cast<std::ptrdiff_t>(cut), before.end(), ' ') > 12)
        cut = name_start(before);
      start += cut;
      const string label = trim(text.substr(start, end - start), " ,;.:(");
      if (!label.empty())
        add(out, doc, label, "postal_address", static_cast<int>(s), context_score(doc, static_cast<int>(s), start));
      from = end;
    }
  }
}

// Lines that end a run of address lines: headings (ATX, setext, inferred from bold or
// numbered lines) and thematic breaks.
std::vector<char> heading_lines(const Document& doc) {
  std::vector<char> heading(static_cast<std::size_t>(doc.line_count) + 2, 0);
  static const regex rule(R"(^\s*([=_-]\s*){3,}$|^\s*(\*\s*){3,}$|^\s*#)");
  for (const Section& sec : doc.sections)
    if (!sec.preamble && sec.first_line >= 1 && sec.first_line <= doc.line_count) heading[static_cast<std::size_t>(sec.first_line)] = 1;
  for (int n = 1; n <= doc.line_count; ++n) {
    const std::string_view line = doc.line(n);
    const auto first = line.find_first_not_of(" \t");
    if (first == std::string_view::npos || std::string_view("=_*#-").find(line[first]) == std::string_view::npos) continue;
    if (has(string(line), rule)) heading[static_cast<std::size_t>(n)] = 1;
  }
  return heading;
}

// Postal addresses: runs of short lines (list items, hard-broken lines, short paragraphs)
// with a street and a postcode or an "Attn:", and addresses written inside sentences.
void collect_addresses(const Document& doc, std::vector<Candidate>& out) {
  std::vector<AddressLine> group;
  std::vector<char> covered(static_cast<std::size_t>(doc.line_count) + 2, 0);
  const std::vector<char> heading = heading_lines(doc);
  auto flush = [&] {
    if (!group.empty()) emit_address(doc, group, out, covered);
    group.clear();
  };
  int blanks = 0;
  static const regex br(R"(<br\s*/?>)", icase);
  for (int n = 1; n <= doc.line_count; ++n) {
    const string raw(doc.line(n));
    if (trim(raw).empty()) {
      // Short paragraphs of one address may stand apart; a wider gap ends the address.
      if (++blanks > 3) flush();
      continue;
    }
    blanks = 0;
    // A paragraph is no address line: a cheap test before any markup is removed.
    if (std::count(raw.begin(), raw.end(), ' ') > 24 && raw.find("<br") == string::npos) {
      flush();
      continue;
    }
    if (heading[static_cast<std::size_t>(n)]) {
      // A setext underline makes the line before it a heading, not an address line.
      if (!group.empty() && group.back().line == n - 1) group.pop_back();
      flush();
      continue;
    }
    for (auto it = std::sregex_token_iterator(raw.begin(), raw.end(), br, -1); it != std::sregex_token_iterator(); ++it) {
      const string text = plain_line(it->str());
      if (!address_part(text)) {
        flush();
        break;
      }
      group.push_back(AddressLine{text, n});
    }
  }
  flush();
  inline_addresses(doc, out, covered);
}

}  // namespace

std::vector<Item> privacy_contacts(const Document& doc) {
  std::vector<Candidate> found;
  collect_emails(doc, found);
  collect_links(doc, found);
  collect_addresses(doc, found);
  // Contacts often sit in footers and in lists of mailto links the chrome detector sets
  // aside, so chrome e-mails and addresses stay (after the body's); chrome links are mostly
  // site navigation and count only when the body gives no contact of its own.
  const bool body_gives = std::any_of(found.begin(), found.end(), [](const Candidate& c) { return !c.chrome && c.score >= 0; });
  if (body_gives)
    found.erase(std::remove_if(found.begin(), found.end(),
                               [](const Candidate& c) { return c.chrome && c.item.concept_id == "web_form"; }),
                found.end());
  std::stable_sort(found.begin(), found.end(), [](const Candidate& a, const Candidate& b) {
    // Privacy channels first, general ones next, third parties last.
    if (a.score != b.score) return a.score > b.score;
    if (a.kind != b.kind) return a.kind < b.kind;
    return a.item.sentences.front() < b.item.sentences.front();
  });
  std::vector<Item> items;
  for (Candidate& c : found) items.push_back(std::move(c.item));
  return items;
}

}  // namespace policyq::query
