#include "check/rules.hpp"
#include "check/duration.hpp"
#include "check/concepts.hpp"
#include "util/error.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <set>
#include <sstream>

namespace policyq::check {

const char* to_string(Rule::Kind kind) {
  switch (kind) {
    case Rule::Kind::ask: return "ask";
    case Rule::Kind::retention: return "retention";
    case Rule::Kind::section: return "section";
    case Rule::Kind::practice: return "practice";
    case Rule::Kind::phrase: return "phrase";
  }
  return "ask";
}

namespace {

struct Position {
  int line = 1, column = 1;
};

Position position_of(const std::string& text, std::size_t offset) {
  Position p;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++p.line;
      p.column = 1;
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      ++p.column;
    }
  }
  return p;
}

// Where each rule object starts: the '{' at the depth of the rules array's elements
// (nlohmann keeps no positions, so the text is scanned once, skipping strings and comments).
std::vector<std::size_t> rule_offsets(const std::string& text, int element_depth) {
  std::vector<std::size_t> out;
  int depth = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '"') {
      for (++i; i < text.size() && text[i] != '"'; ++i)
        if (text[i] == '\\') ++i;
    } else if (c == '/' && i + 1 < text.size() && text[i + 1] == '/') {
      while (i < text.size() && text[i] != '\n') ++i;
    } else if (c == '/' && i + 1 < text.size() && text[i + 1] == '*') {
      std::size_t end = text.find("*/", i + 2);
      i = end == std::string::npos ? text.size() : end + 1;
    } else if (c == '{' || c == '[') {
      if (c == '{' && depth == element_depth) out.push_back(i);
      ++depth;
    } else if (c == '}' || c == ']') {
      --depth;
    }
  }
  return out;
}

class RuleReader {
public:
  RuleReader(const std::string& name, const std::string& text) : name_(name), text_(text) {}

  std::vector<Rule> read() {
    nlohmann::json root;
    try {
      root = nlohmann::json::parse(text_, nullptr, true, /*ignore_comments=*/true);
    } catch (const nlohmann::json::parse_error& e) {
      std::size_t at = e.byte == 0 ? 0 : e.byte - 1;
      Position p = position_of(text_, at);
      std::string what = e.what();
      // "[json.exception.parse_error.101] parse error at line 3, column 5: syntax error …"
      std::size_t colon = what.find(": ", what.find("parse error"));
      what = colon == std::string::npos ? what : what.substr(colon + 2);
      throw Error(name_ + ":" + std::to_string(p.line) + ":" + std::to_string(p.column) + ": invalid JSON: " + what);
    }
    const nlohmann::json* rules = &root;
    int depth = 1;
    if (root.is_object()) {
      for (auto it = root.begin(); it != root.end(); ++it)
        if (it.key() != "rules" && it.key() != "$schema" && it.key() != "version")
          fail_at(0, "unknown top-level field \"" + it.key() + "\" (expected \"rules\")");
      if (!root.contains("rules")) fail_at(0, "no \"rules\" array");
      rules = &root["rules"];
      depth = 2;
    }
    if (!rules->is_array()) fail_at(0, "\"rules\" must be an array of rule objects");
    offsets_ = rule_offsets(text_, depth);
    std::vector<Rule> out;
    std::set<std::string> ids;
    for (std::size_t i = 0; i < rules->size(); ++i) {
      index_ = i;
      Rule r = read_rule((*rules)[i]);
      if (!ids.insert(r.id).second) fail("duplicate rule id \"" + r.id + "\"");
      out.push_back(std::move(r));
    }
    if (out.empty()) fail_at(0, "no rules");
    return out;
  }

private:
  const std::string& name_;
  const std::string& text_;
  std::vector<std::size_t> offsets_;
  std::size_t index_ = 0;
  std::string id_;

  [[noreturn]] void fail_at(std::size_t offset, const std::string& what) const {
    Position p = position_of(text_, offset);
    throw Error(name_ + ":" + std::to_string(p.line) + ":" + std::to_string(p.column) + ": " + what);
  }
  [[noreturn]] void fail(const std::string& what) const {
    std::size_t offset = index_ < offsets_.size() ? offsets_[index_] : 0;
    fail_at(offset, (id_.empty() ? "rule " + std::to_string(index_ + 1) : "rule \"" + id_ + "\"") + ": " + what);
  }

  std::string string_field(const nlohmann::json& obj, const char* key, bool required) const {
    if (!obj.contains(key)) {
      if (required) fail(std::string("missing \"") + key + "\"");
      return {};
    }
    const auto& v = obj[key];
    if (!v.is_string() || v.get<std::string>().empty()) fail(std::string("\"") + key + "\" must be a non-empty string");
    return v.get<std::string>();
  }

  Rule read_rule(const nlohmann::json& obj) {
    id_.clear();
    if (!obj.is_object()) fail("must be an object");
    Rule r;
    r.id = string_field(obj, "id", true);
    id_ = r.id;
    std::size_t at = index_ < offsets_.size() ? offsets_[index_] : 0;
    Position p = position_of(text_, at);
    r.line = p.line;
    r.column = p.column;
    if (obj.contains("severity")) {
      std::string s = string_field(obj, "severity", true);
      if (s != "error" && s != "warning" && s != "info") fail("severity must be error, warning or info, not \"" + s + "\"");
      r.severity = parse_severity(s);
    }
    r.message = string_field(obj, "message", false);

    static const char* kinds[] = {"ask", "retention", "section", "practice", "phrase"};
    int found = 0;
    for (const char* k : kinds) found += obj.contains(k);
    if (found != 1) fail("needs exactly one of \"ask\", \"retention\", \"section\", \"practice\", \"phrase\"");

    std::set<std::string> allowed = {"id", "severity", "message"};
    if (obj.contains("ask")) {
      r.kind = Rule::Kind::ask;
      r.question = string_field(obj, "ask", true);
      if (!obj.contains("expect")) fail("an \"ask\" rule needs \"expect\": the verdicts that pass");
      const auto& e = obj["expect"];
      std::vector<nlohmann::json> values = e.is_array() ? std::vector<nlohmann::json>(e.begin(), e.end()) : std::vector<nlohmann::json>{e};
      for (const auto& v : values) {
        static const std::set<std::string> verdicts = {"yes", "no", "conditional", "not_stated"};
        if (!v.is_string() || !verdicts.count(v.get<std::string>()))
          fail("\"expect\" takes yes, no, conditional or not_stated, not " + v.dump());
        r.expect.push_back(v.get<std::string>());
      }
      if (r.expect.empty()) fail("\"expect\" is empty");
      allowed.insert({"ask", "expect"});
    } else if (obj.contains("retention")) {
      r.kind = Rule::Kind::retention;
      const auto& ret = obj["retention"];
      if (!ret.is_object()) fail("\"retention\" must be an object {\"data\": …, \"max\": \"P2Y\"}");
      for (auto it = ret.begin(); it != ret.end(); ++it)
        if (it.key() != "data" && it.key() != "max") fail("unknown field \"retention." + it.key() + "\"");
      r.data = string_field(ret, "data", false);
      r.max = string_field(ret, "max", true);
      auto days = duration_days(r.max);
      if (!days) fail("\"max\" must be an ISO 8601 duration such as P2Y, P6M or P30D, not \"" + r.max + "\"");
      r.max_days = *days;
      if (!r.data.empty() && concept_for(query::Kind::data, r.data) < 0) fail("unknown data type \"" + r.data + "\"");
      allowed.insert("retention");
    } else if (obj.contains("section")) {
      r.kind = Rule::Kind::section;
      r.section = string_field(obj, "section", true);
      allowed.insert("section");
    } else if (obj.contains("practice")) {
      r.kind = Rule::Kind::practice;
      const auto& pr = obj["practice"];
      if (!pr.is_object()) fail("\"practice\" must be an object {\"action\": …, \"data\": …, \"recipient\": …}");
      for (auto it = pr.begin(); it != pr.end(); ++it)
        if (it.key() != "action" && it.key() != "data" && it.key() != "recipient" && it.key() != "purpose")
          fail("unknown field \"practice." + it.key() + "\"");
      r.action = string_field(pr, "action", true);
      if (concept_for(query::Kind::action, r.action) < 0) fail("unknown action \"" + r.action + "\"");
      r.data = string_field(pr, "data", false);
      r.recipient = string_field(pr, "recipient", false);
      r.purpose = string_field(pr, "purpose", false);
      if (!r.data.empty() && concept_for(query::Kind::data, r.data) < 0) fail("unknown data type \"" + r.data + "\"");
      if (!r.recipient.empty() && concept_for(query::Kind::recipient, r.recipient) < 0) fail("unknown recipient \"" + r.recipient + "\"");
      if (!r.purpose.empty() && concept_for(query::Kind::purpose, r.purpose) < 0) fail("unknown purpose \"" + r.purpose + "\"");
      r.must = string_field(obj, "must", true);
      if (r.must != "deny" && r.must != "not_affirm") fail("\"must\" is deny or not_affirm for a practice, not \"" + r.must + "\"");
      allowed.insert({"practice", "must"});
    } else {
      r.kind = Rule::Kind::phrase;
      r.phrase = string_field(obj, "phrase", true);
      r.must = obj.contains("must") ? string_field(obj, "must", true) : "appear";
      if (r.must != "appear" && r.must != "not_appear") fail("\"must\" is appear or not_appear for a phrase, not \"" + r.must + "\"");
      allowed.insert({"phrase", "must"});
    }
    for (auto it = obj.begin(); it != obj.end(); ++it)
      if (!allowed.count(it.key())) fail("unknown field \"" + it.key() + "\" for a " + to_string(r.kind) + " rule");
    return r;
  }
};
}  // namespace

std::vector<Rule> parse_rules(const std::string& name, const std::string& text) { return RuleReader(name, text).read(); }

std::vector<Rule> load_rules(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(path, 0, std::string("cannot read rules: ") + std::strerror(errno));
  std::stringstream ss;
  ss << in.rdbuf();
  std::string text = ss.str();
  if (text.find_first_not_of(" \t\r\n") == std::string::npos) throw Error(path, 0, "empty rules file");
  return parse_rules(path, text);
}
}  // namespace policyq::check
