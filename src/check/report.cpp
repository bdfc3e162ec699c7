#include "check/report.hpp"
#include "util/error.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace policyq::check {

Format parse_format(const std::string& name) {
  if (name == "text") return Format::text;
  if (name == "json") return Format::json;
  if (name == "github") return Format::github;
  if (name == "sarif") return Format::sarif;
  if (name == "junit") return Format::junit;
  throw Error("--format: expected text, json, github, sarif or junit, not '" + name + "'");
}

const char* to_string(Severity s) {
  switch (s) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::info: return "info";
  }
  return "info";
}

Severity parse_severity(const std::string& name) {
  if (name == "error") return Severity::error;
  if (name == "warning") return Severity::warning;
  if (name == "info") return Severity::info;
  throw Error("severity: expected error, warning or info, not '" + name + "'");
}

namespace {

const char* sarif_level(Severity s) {
  switch (s) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::info: return "note";
  }
  return "note";
}

const char* github_command(Severity s) {
  switch (s) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::info: return "notice";
  }
  return "notice";
}

// GitHub workflow commands: data escapes %, CR, LF; properties also ':' and ','.
std::string github_escape(const std::string& s, bool property) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '%': out += "%25"; break;
      case '\r': out += "%0D"; break;
      case '\n': out += "%0A"; break;
      case ':': out += property ? "%3A" : ":"; break;
      case ',': out += property ? "%2C" : ","; break;
      default: out += c;
    }
  }
  return out;
}

std::string xml_escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default:
        // XML 1.0 forbids most control characters, even escaped.
        if (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t' && c != '\r') out += ' ';
        else out += c;
    }
  }
  return out;
}

std::string where(const Location& l) {
  std::string s = l.file;
  if (l.line > 0) {
    s += ":" + std::to_string(l.line);
    if (l.end_line > l.line) s += "-" + std::to_string(l.end_line);
  }
  return s;
}

nlohmann::json location_json(const Location& l) {
  nlohmann::json j = {{"file", l.file}, {"line", l.line}, {"end_line", std::max(l.line, l.end_line)}, {"quote", l.quote}};
  if (!l.role.empty()) j["role"] = l.role;
  return j;
}

nlohmann::json finding_json(const Finding& f) {
  nlohmann::json j = {{"rule", f.rule},         {"title", f.title},   {"message", f.message},
                      {"severity", to_string(f.severity)}, {"passed", f.passed}, {"locations", nlohmann::json::array()}};
  if (!f.rank.empty()) j["rank"] = f.rank;
  for (const Location& l : f.locations) j["locations"].push_back(location_json(l));
  for (auto it = f.extra.begin(); it != f.extra.end(); ++it) j[it.key()] = it.value();
  return j;
}

// Every rule a finding names, in the report's order first.
std::vector<RuleInfo> all_rules(const Report& r) {
  std::vector<RuleInfo> rules = r.rules;
  std::set<std::string> known;
  for (const RuleInfo& i : rules) known.insert(i.id);
  for (const Finding& f : r.findings)
    if (known.insert(f.rule).second) rules.push_back({f.rule, f.title, f.severity});
  return rules;
}

void write_text(const Report& r, bool color, std::ostream& out) {
  auto style = [&](const char* code) { return color ? std::string(code) : std::string(); };
  const std::string reset = style("\033[0m");
  for (const Finding& f : r.findings) {
    std::string head;
    if (f.passed) head = style("\033[32m") + "PASS" + reset;
    else if (f.severity == Severity::error) head = style("\033[1;31m") + "ERROR" + reset;
    else if (f.severity == Severity::warning) head = style("\033[33m") + "WARNING" + reset;
    else head = style("\033[36m") + "INFO" + reset;
    out << head << " " << f.rule;
    if (!f.rank.empty()) out << " [" << f.rank << "]";
    out << ": " << f.title << "\n";
    if (!f.message.empty() && f.message != f.title) out << "  " << f.message << "\n";
    for (const Location& l : f.locations) {
      out << "  " << style("\033[32m") << (l.role.empty() ? "" : l.role + " ") << where(l) << reset << "\n";
      if (!l.quote.empty()) out << "    > " << l.quote << "\n";
    }
  }
  out << r.command << ":";
  for (auto it = r.summary.begin(); it != r.summary.end(); ++it) out << " " << it.key() << "=" << it.value().dump();
  out << "\n";
}

nlohmann::json json_report(const Report& r) {
  nlohmann::json j = {{"command", r.command}, {"inputs", r.inputs}, {"summary", r.summary}, {"rules", nlohmann::json::array()},
                      {"findings", nlohmann::json::array()}};
  for (const RuleInfo& i : all_rules(r))
    j["rules"].push_back({{"id", i.id}, {"description", i.description}, {"severity", to_string(i.severity)}});
  for (const Finding& f : r.findings) j["findings"].push_back(finding_json(f));
  return j;
}

nlohmann::json sarif_report(const Report& r) {
  std::vector<RuleInfo> rules = all_rules(r);
  std::map<std::string, int> index;
  nlohmann::json driver_rules = nlohmann::json::array();
  for (const RuleInfo& i : rules) {
    index[i.id] = static_cast<int>(driver_rules.size());
    driver_rules.push_back({{"id", i.id},
                            {"shortDescription", {{"text", i.description.empty() ? i.id : i.description}}},
                            {"defaultConfiguration", {{"level", sarif_level(i.severity)}}}});
  }
  nlohmann::json results = nlohmann::json::array();
  for (const Finding& f : r.findings) {
    if (f.passed) continue;
    nlohmann::json res = {{"ruleId", f.rule},
                          {"ruleIndex", index[f.rule]},
                          {"level", sarif_level(f.severity)},
                          {"message", {{"text", f.message.empty() ? f.title : f.title + ": " + f.message}}},
                          {"locations", nlohmann::json::array()}};
    for (const Location& l : f.locations) {
      nlohmann::json physical = {{"artifactLocation", {{"uri", l.file}}}};
      if (l.line > 0) {
        physical["region"] = {{"startLine", l.line}, {"endLine", std::max(l.line, l.end_line)}};
        if (!l.quote.empty()) physical["region"]["snippet"] = {{"text", l.quote}};
      }
      nlohmann::json loc = {{"physicalLocation", physical}};
      if (!l.role.empty()) loc["message"] = {{"text", l.role + " version"}};
      res["locations"].push_back(loc);
    }
    if (!f.rank.empty()) res["properties"] = {{"rank", f.rank}};
    results.push_back(res);
  }
  return {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
          {"version", "2.1.0"},
          {"runs",
           {{{"tool",
              {{"driver",
                {{"name", "policyq"}, {"version", "0.1.0"}, {"rules", driver_rules}}}}},
             {"results", results}}}}};
}

void write_junit(const Report& r, std::ostream& out) {
  // One test case per rule; a rule fails when any of its findings failed.
  std::vector<RuleInfo> rules = all_rules(r);
  int failures = 0;
  std::string cases;
  for (const RuleInfo& rule : rules) {
    std::vector<const Finding*> failed, noted, all;
    for (const Finding& f : r.findings)
      if (f.rule == rule.id) {
        all.push_back(&f);
        bool fails = !f.passed && r.fail_on && static_cast<int>(f.severity) <= static_cast<int>(*r.fail_on);
        if (fails) failed.push_back(&f);
        else if (!f.passed) noted.push_back(&f);
      }
    cases += "    <testcase classname=\"policyq." + xml_escape(r.command) + "\" name=\"" + xml_escape(rule.id) + "\"";
    if (!all.empty() && !all.front()->locations.empty()) cases += " file=\"" + xml_escape(all.front()->locations.front().file) + "\"";
    if (failed.empty()) {
      // Findings below the failure threshold are kept as output, not failures.
      if (noted.empty()) {
        cases += "/>\n";
      } else {
        std::string out;
        for (const Finding* f : noted) out += f->title + (f->message.empty() ? "" : ": " + f->message) + "\n";
        cases += ">\n      <system-out>" + xml_escape(out) + "</system-out>\n    </testcase>\n";
      }
      continue;
    }
    ++failures;
    std::string body;
    for (const Finding* f : failed) {
      body += f->title + (f->message.empty() ? "" : ": " + f->message) + "\n";
      for (const Location& l : f->locations) body += "  " + (l.role.empty() ? "" : l.role + " ") + where(l) + (l.quote.empty() ? "" : "\n    > " + l.quote) + "\n";
    }
    cases += ">\n      <failure message=\"" + xml_escape(failed.front()->title) + "\" type=\"" + to_string(failed.front()->severity) + "\">" +
             xml_escape(body) + "</failure>\n    </testcase>\n";
  }
  std::string name = "policyq " + r.command;
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out << "<testsuites name=\"" << xml_escape(name) << "\" tests=\"" << rules.size() << "\" failures=\"" << failures << "\">\n";
  out << "  <testsuite name=\"" << xml_escape(name) << "\" tests=\"" << rules.size() << "\" failures=\"" << failures
      << "\" errors=\"0\" skipped=\"0\">\n";
  out << cases;
  out << "  </testsuite>\n</testsuites>\n";
}

void write_github(const Report& r, std::ostream& out) {
  for (const Finding& f : r.findings) {
    if (f.passed) continue;
    out << "::" << github_command(f.severity);
    if (!f.locations.empty()) {
      const Location& l = f.locations.front();
      out << " file=" << github_escape(l.file, true);
      if (l.line > 0) out << ",line=" << l.line << ",endLine=" << std::max(l.line, l.end_line);
      out << ",title=" << github_escape(f.rule + ": " + f.title, true);
    } else {
      out << " title=" << github_escape(f.rule + ": " + f.title, true);
    }
    out << "::" << github_escape(f.message.empty() ? f.title : f.message, false) << "\n";
  }
  // Annotations are capped per step: the full report follows as plain text.
  write_text(r, false, out);
}
}  // namespace

void write_report(const Report& report, Format format, bool color, std::ostream& out) {
  switch (format) {
    case Format::text: write_text(report, color, out); break;
    case Format::json: out << json_report(report).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n"; break;
    case Format::sarif: out << sarif_report(report).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n"; break;
    case Format::junit: write_junit(report, out); break;
    case Format::github: write_github(report, out); break;
  }
}

}  // namespace policyq::check
